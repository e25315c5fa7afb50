import { isAlphanumeric, isBlank, isLineBreak } from "../chars.ts";
import type { EdiDiagnosticCode } from "../diagnostics.ts";
import { sequenceLength } from "../input.ts";
import type { X12Separators } from "./segment.ts";

/** The width the standard gives the ISA segment, terminator included. */
const ISA_WIDTH = 106;
/** How far the 16 element separators of an ISA may spread (padding, stray line breaks). */
const ISA_REACH = 512;
/** How much text past ISA16 the detection wants to see, to check the terminator against the GS. */
const LOOKAHEAD = 256;

type Note = { code: EdiDiagnosticCode; message: string };

export type IsaDetection =
  | {
      kind: "ok";
      separators: X12Separators;
      /** ISA, then ISA01 … ISA16, as sent. */
      elements: string[];
      /** Index just past the ISA's terminator. */
      end: number;
      notes: Note[];
    }
  | { kind: "more" }
  | { kind: "error"; code: "isa_truncated" | "isa_malformed"; message: string };

const truncated = (final: boolean, message: string): IsaDetection =>
  final ? { kind: "error", code: "isa_truncated", message } : { kind: "more" };

const describe = (text: string, at: number) =>
  at >= text.length ? "the end of the input" : JSON.stringify(text.substr(at, sequenceLength(text, at)));

/** True when a segment id and the element separator start at `at` ("GS*", "TA1*", "IEA*"). */
function startsEnvelopeSegment(text: string, at: number, separator: string): boolean {
  for (const id of ["GS", "TA1", "IEA"]) {
    if (text.startsWith(id, at) && text.startsWith(separator, at + id.length)) return true;
  }
  return false;
}

/** Whether the line starting at `at` ends (before its line break and padding) with `candidate`. */
function lineEndsWith(text: string, at: number, candidate: string): boolean {
  let end = text.indexOf("\n", at);
  if (end === -1) end = text.length;
  while (end > at && isBlank(text.charCodeAt(end - 1))) end--;
  return end - candidate.length > at && text.startsWith(candidate, end - candidate.length);
}

type Terminator = { segment: string; lineTerminated: boolean; component: string; isaEnd: number; note?: Note };

/** The segment terminator that follows ISA16 at `after`, checked against the next segment. */
function terminatorAt(
  text: string,
  after: number,
  component: string,
  separator: string,
  final: boolean,
): Terminator | IsaDetection {
  if (after >= text.length) return truncated(final, "the input ends before the ISA segment's terminator");
  const code = text.charCodeAt(after);
  const missingComponent = (isaEnd: number): Terminator => ({
    segment: component,
    lineTerminated: false,
    component: "",
    isaEnd,
    note: {
      code: "isa_component_separator_missing",
      message: `ISA16 is missing: ${JSON.stringify(component)} ends the segments, and no component separator is set`,
    },
  });
  if (!isBlank(code) && !isAlphanumeric(code)) {
    return { segment: text.substr(after, sequenceLength(text, after)), lineTerminated: false, component, isaEnd: after };
  }
  if (isAlphanumeric(code)) {
    // "…*P*~GS*…": the character in the ISA16 place is the terminator, and ISA16 was left out.
    if (component && startsEnvelopeSegment(text, after, separator)) return missingComponent(after - component.length);
    return { kind: "error", code: "isa_malformed", message: `no segment terminator after ISA16: found ${describe(text, after)}` };
  }
  let next = after;
  let lineFeed = false;
  let carriageReturn = false;
  while (next < text.length && isBlank(text.charCodeAt(next))) {
    const blank = text.charCodeAt(next);
    lineFeed ||= blank === 10;
    carriageReturn ||= blank === 13;
    next++;
  }
  // "…*T*~\nGS*…~\n": the character in the ISA16 place also ends the GS line (a GS never ends with a
  // separator), so it is the terminator and ISA16 was left out.
  const groupNext = text.startsWith("GS", next) && text.startsWith(separator, next + 2);
  if (component && groupNext && lineEndsWith(text, next, component)) {
    return missingComponent(after - component.length);
  }
  if (lineFeed || carriageReturn) {
    return { segment: lineFeed ? "\n" : "\r", lineTerminated: true, component, isaEnd: after };
  }
  if (next >= text.length && !final) return { kind: "more" };
  return { kind: "error", code: "isa_malformed", message: "the segment terminator after ISA16 is a space" };
}

/**
 * Finds the separators of the interchange whose ISA starts at `start`: the element separator is the
 * character after "ISA"; ISA16 (the component separator) follows the 16th element separator,
 * however the fields before it were padded; the segment terminator follows ISA16 and is checked
 * against the GS after it (a line break, possibly after padding spaces, or ISA16 itself when a
 * partner left ISA16 out). Separators may be multibyte (UTF-8 "…" is three characters of `text`).
 */
export function detectIsa(text: string, start: number, final: boolean): IsaDetection {
  if (text.length < start + 4) return truncated(final, "the input ends inside the ISA segment");
  const elementLength = sequenceLength(text, start + 3);
  const separator = text.substr(start + 3, elementLength);
  const separatorCode = separator.charCodeAt(0);
  if (isAlphanumeric(separatorCode) || isBlank(separatorCode)) {
    return {
      kind: "error",
      code: "isa_malformed",
      message: `the character after "ISA" must be the element separator, found ${describe(text, start + 3)}`,
    };
  }
  let at = start + 3;
  for (let count = 2; count <= 16; count++) {
    at = text.indexOf(separator, at + elementLength);
    if (at === -1 && text.length - start < ISA_REACH) {
      return truncated(final, `the input ends after ${count - 1} of the ISA's 16 elements`);
    }
    if (at === -1 || at - start > ISA_REACH) {
      return {
        kind: "error",
        code: "isa_malformed",
        message: `found ${count - 1} of the ISA's 16 element separators ${JSON.stringify(separator)} within ${ISA_REACH} bytes`,
      };
    }
  }
  const componentAt = at + elementLength;
  if (componentAt >= text.length) return truncated(final, "the input ends before ISA16");
  if (!final && text.length < componentAt + LOOKAHEAD) return { kind: "more" };
  const componentCode = text.charCodeAt(componentAt);
  const component =
    isBlank(componentCode) || isAlphanumeric(componentCode) ? "" : text.substr(componentAt, sequenceLength(text, componentAt));
  const found = terminatorAt(text, componentAt + component.length, component, separator, final);
  if ("kind" in found) return found;
  if (found.segment === separator || (found.component && found.segment === found.component)) {
    return { kind: "error", code: "isa_malformed", message: "the segment terminator repeats another separator" };
  }
  const elements = text.slice(start, found.isaEnd).split(separator);
  if (!found.lineTerminated) {
    // An ISA broken over lines (a partner's 80-column wrap): the line breaks are not part of the fields.
    for (let n = 1; n < elements.length; n++) {
      const value = elements[n] ?? "";
      if (value.includes("\n") || value.includes("\r")) elements[n] = value.replace(/[\r\n]/g, "");
    }
  }
  const notes: Note[] = found.note ? [found.note] : [];
  const end = found.isaEnd + found.segment.length;
  let next = end;
  while (next < text.length && (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9)) next++;
  if (end - start !== ISA_WIDTH) {
    notes.push({ code: "isa_length", message: `the ISA is ${end - start} bytes long, not ${ISA_WIDTH}; read by its separators` });
  }
  return {
    kind: "ok",
    separators: {
      element: separator,
      component: found.component,
      repetition: repetitionOf(elements, separator, found),
      segment: found.segment,
      lineTerminated: found.lineTerminated,
      lineBreaks: found.lineTerminated || isLineBreak(text.charCodeAt(next)),
    },
    elements,
    end,
    notes,
  };
}

/** ISA11 is the repetition separator from version 00402 on; before that it is "U" (US standards). */
function repetitionOf(elements: string[], separator: string, found: Terminator): string {
  const candidate = elements[11] ?? "";
  const version = (elements[12] ?? "").trim();
  if (candidate.length !== 1 || version < "00402") return "";
  const code = candidate.charCodeAt(0);
  if (isAlphanumeric(code) || isBlank(code) || isLineBreak(code)) return "";
  if (candidate === separator || candidate === found.segment || candidate === found.component) return "";
  return candidate;
}
