import { isFiller } from "./chars.ts";
import { type EdiDiagnostic, quote } from "./diagnostics.ts";
import { readEdifactText } from "./edifact/read.ts";
import type { EdifactRead } from "./edifact/types.ts";
import { type EdiInput, ediText } from "./input.ts";
import { readX12Text } from "./x12/read.ts";
import type { X12Read } from "./x12/types.ts";

export type EdiStandard = "x12" | "edifact";

/** What an EDI file turned out to be, read; or why it is not one Crossdock reads. */
export type EdiRead =
  | { standard: "x12"; read: X12Read }
  | { standard: "edifact"; read: EdifactRead }
  | { standard: null; read: { ok: false; diagnostics: EdiDiagnostic[] } };

/** How far junk may run before the envelope (a mail header, a banner). */
const REACH = 4096;

/**
 * Which standard an input is, from its first segment: ISA (X12), UNA/UNB/UNH (EDIFACT), or STX
 * (TRADACOMS, named but not read). Within the first 4 KB an ISA or UNB after some junk still counts.
 */
export function detectStandard(text: string): EdiStandard | "tradacoms" | null {
  let start = 0;
  while (start < text.length && isFiller(text.charCodeAt(start))) start++;
  const head = text.slice(start, start + 4);
  if (head.startsWith("ISA") && head.length === 4) return "x12";
  if (/^UN[ABH]/.test(head)) return "edifact";
  if (head.startsWith("STX=")) return "tradacoms";
  const window = text.slice(start, start + REACH);
  const isa = window.search(/ISA[^A-Za-z0-9\s]/);
  const unb = window.search(/UNA[^A-Za-z0-9\s]|UNB\+/);
  if (isa !== -1 && (unb === -1 || isa < unb)) return "x12";
  if (unb !== -1) return "edifact";
  return null;
}

/** Reads X12 or EDIFACT, whichever the input is; anything else is rejected with a diagnostic. */
export function readEdi(input: EdiInput): EdiRead {
  const source = ediText(input);
  const standard = detectStandard(source.text);
  if (standard === "x12") return { standard, read: readX12Text(source) };
  if (standard === "edifact") return { standard, read: readEdifactText(source) };
  const text = source.text.trimStart();
  const first = /^[^\s]{0,3}/.exec(text)?.[0] ?? "";
  const at = { id: first, index: 0, offset: source.base + (source.text.length - text.length) };
  const diagnostic: EdiDiagnostic =
    standard === "tradacoms"
      ? {
          severity: "error",
          code: "unsupported_standard",
          segment: at,
          message: "TRADACOMS (STX=) is not read; only X12 and EDIFACT are",
        }
      : text.length === 0
        ? { severity: "error", code: "empty_input", segment: at, message: "the input is empty" }
        : {
            severity: "error",
            code: "not_edi",
            segment: at,
            message: `not X12 or EDIFACT: the input starts with ${quote(text.slice(0, 24))}, not ISA, UNA or UNB`,
          };
  return { standard: null, read: { ok: false, diagnostics: [diagnostic] } };
}
