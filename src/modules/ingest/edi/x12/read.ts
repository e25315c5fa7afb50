import { DiagnosticLog } from "../diagnostics.ts";
import { type EdiInput, type EdiText, ediText } from "../input.ts";
import { X12Envelopes } from "./envelope.ts";
import { X12Scanner } from "./scanner.ts";
import type { X12Event, X12Interchange, X12Read, X12Summary } from "./types.ts";

/** Closes what is open and decides: ok only with no error and at least one set (or TA1) read. */
export function summarize(log: DiagnosticLog, scanner: X12Scanner, envelopes: X12Envelopes): X12Summary {
  const last = scanner.lastPosition;
  envelopes.finish(last);
  if (log.errors === 0 && scanner.count === 0) {
    log.add("error", "empty_input", last, "the input holds no segments");
  } else if (log.errors === 0 && envelopes.sets === 0 && envelopes.acknowledgments === 0) {
    log.add("error", "no_transaction_sets", last, "the input holds no transaction set (no ST … SE inside GS … GE)");
  }
  return {
    ok: log.errors === 0 && envelopes.sets + envelopes.acknowledgments > 0,
    diagnostics: log.finish(last),
    counts: {
      interchanges: envelopes.interchanges,
      groups: envelopes.groups,
      sets: envelopes.sets,
      segments: scanner.count,
      acknowledgments: envelopes.acknowledgments,
    },
  };
}

/**
 * Reads a whole X12 input (a Buffer as received, or a string) into interchanges → groups →
 * transaction sets → segments, with diagnostics. Never throws on bad input: a file that is not
 * X12, is cut short or holds no transaction set comes back with `ok: false` and an error naming
 * the segment and the reason.
 */
export function readX12(input: EdiInput): X12Read {
  return readX12Text(ediText(input));
}

/** `readX12` on input already turned into text (by `readEdi`, which looked at it first). */
export function readX12Text(source: EdiText): X12Read {
  const log = new DiagnosticLog();
  const scanner = new X12Scanner(log, { ...source, final: true });
  const interchanges: X12Interchange[] = [];
  const envelopes = new X12Envelopes(log, true, (event: X12Event) => {
    if (event.type === "interchange") interchanges.push(event.interchange);
  });
  for (let segment = scanner.next(); segment !== null; segment = scanner.next()) {
    envelopes.push(segment, scanner.separators ?? FALLBACK);
  }
  return { ...summarize(log, scanner, envelopes), interchanges };
}

/** Never used: the scanner gives a segment only once an ISA has set the separators. */
export const FALLBACK = { element: "*", component: "", repetition: "", segment: "~", lineTerminated: false, lineBreaks: false };
