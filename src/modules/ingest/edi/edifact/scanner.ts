import { isBlank, isFiller, isSegmentId } from "../chars.ts";
import { type DiagnosticLog, quote } from "../diagnostics.ts";
import { decodeValue, type EdiText } from "../input.ts";
import { DEFAULT_SEPARATORS, serviceAdvice } from "./separators.ts";
import type { EdifactSegment, EdifactSeparators } from "./types.ts";

const MAX_SEGMENT = 1 << 20;

/** Splits a segment's text into elements of components, honouring the release character. */
function splitSegment(raw: string, separators: EdifactSeparators): string[][] {
  const { element, component, release } = separators;
  if (!release || !raw.includes(release)) return raw.split(element).map((value) => value.split(component));
  const elements: string[][] = [];
  let components: string[] = [];
  let value = "";
  let from = 0;
  for (let at = 0; at < raw.length; at++) {
    const char = raw[at];
    if (char === release) {
      value += raw.slice(from, at) + (raw[at + 1] ?? "");
      at += 1;
      from = at + 1;
    } else if (char === element || char === component) {
      components.push(value + raw.slice(from, at));
      value = "";
      from = at + 1;
      if (char === element) {
        elements.push(components);
        components = [];
      }
    }
  }
  components.push(value + raw.slice(from));
  elements.push(components);
  return elements;
}

/** Whether the character at `at` is escaped: preceded by an odd run of release characters. */
function released(text: string, at: number, release: string, from: number): boolean {
  let count = 0;
  for (let back = at - 1; back >= from && text[back] === release; back--) count++;
  return count % 2 === 1;
}

/**
 * Splits EDIFACT text into segments: separators from the UNA (or the defaults, or line breaks
 * when the partner's file has no "'"), a released terminator ("?'") kept as data, whitespace and
 * line breaks between segments skipped. A new UNA or UNB later in the input may change them.
 */
export class EdifactScanner {
  private pos = 0;
  private index = 0;
  separators: EdifactSeparators = DEFAULT_SEPARATORS;
  usedAdvice = false;

  constructor(
    private readonly log: DiagnosticLog,
    private readonly source: EdiText,
  ) {}

  get count(): number {
    return this.index;
  }

  next(): EdifactSegment | null {
    const { text } = this.source;
    for (;;) {
      while (this.pos < text.length && isFiller(text.charCodeAt(this.pos))) this.pos++;
      if (this.pos >= text.length) return null;
      if (text.startsWith("UNA", this.pos) || (this.index === 0 && !this.usedAdvice)) {
        if (!this.advise()) return null;
        continue;
      }
      return this.readSegment();
    }
  }

  /** Takes the separators at the start of an interchange; false when a broken UNA ends the read. */
  private advise(): boolean {
    const { text } = this.source;
    const advice = serviceAdvice(text, this.pos);
    const position = { id: text.slice(this.pos, this.pos + 3), index: this.index, offset: this.source.base + this.pos };
    this.usedAdvice = true;
    if (advice.kind === "error") {
      this.log.add("error", "una_malformed", position, advice.message);
      this.pos = text.length;
      return false;
    }
    this.separators = advice.separators;
    if (advice.kind === "una") {
      this.pos = advice.end;
    } else if (advice.lineTerminated) {
      this.log.add(
        "warning",
        "segment_unterminated",
        position,
        `no UNA and no "'" on the first line: segments end at line breaks`,
      );
    }
    return true;
  }

  private readSegment(): EdifactSegment | null {
    const { text, base } = this.source;
    const separators = this.separators;
    const start = this.pos;
    let terminator = text.indexOf(separators.segment, start);
    if (separators.release) {
      while (terminator !== -1 && released(text, terminator, separators.release, start)) {
        terminator = text.indexOf(separators.segment, terminator + 1);
      }
    }
    const offset = base + start;
    if ((terminator === -1 ? text.length : terminator) - start > MAX_SEGMENT) {
      this.log.add(
        "error",
        "segment_too_long",
        { id: text.slice(start, start + 3), index: this.index, offset },
        "no segment terminator within 1 MB",
      );
      this.pos = text.length;
      return null;
    }
    const unterminated = terminator === -1;
    const end = unterminated ? text.length : terminator;
    let stop = end;
    if (separators.lineTerminated) while (stop > start && isBlank(text.charCodeAt(stop - 1))) stop--;
    let raw = text.slice(start, stop);
    if (!separators.lineTerminated && (raw.includes("\n") || raw.includes("\r"))) raw = raw.replace(/[\r\n]+\s*/g, "");
    const elements = splitSegment(raw, separators);
    if (this.source.highBytes) {
      for (const components of elements) {
        for (let n = 0; n < components.length; n++) components[n] = decodeValue(components[n] as string);
      }
    }
    const tag = elements[0]?.[0] ?? "";
    elements[0] = [tag];
    const segment: EdifactSegment = { tag, elements, index: this.index, offset };
    this.index += 1;
    this.pos = unterminated ? text.length : end + separators.segment.length;
    if (!isSegmentId(tag)) {
      this.log.add(
        "error",
        "segment_id_invalid",
        { id: tag.slice(0, 8), index: segment.index, offset },
        `${quote(tag)} is not a segment tag`,
      );
    } else if (unterminated && !separators.lineTerminated) {
      this.log.add(
        "warning",
        "segment_unterminated",
        { id: tag, index: segment.index, offset },
        `the last segment has no terminator ${JSON.stringify(separators.segment)}`,
      );
    }
    // A following interchange may bring its own UNA.
    if (tag === "UNZ") this.usedAdvice = false;
    return segment;
  }
}
