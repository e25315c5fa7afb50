import { DiagnosticLog } from "../diagnostics.ts";
import { type EdiInput, type EdiText, ediText } from "../input.ts";
import { EdifactEnvelopes } from "./envelope.ts";
import { EdifactScanner } from "./scanner.ts";
import type { EdifactRead } from "./types.ts";

/**
 * Reads EDIFACT to the segment level: interchanges (UNB … UNZ) holding messages (UNH … UNT) of
 * segments, the message type identified (ORDERS, INVOIC, DESADV …). Never throws on bad input;
 * `ok` only when nothing was an error and at least one message was read.
 */
export function readEdifact(input: EdiInput): EdifactRead {
  return readEdifactText(ediText(input));
}

/** `readEdifact` on input already turned into text. */
export function readEdifactText(source: EdiText): EdifactRead {
  const log = new DiagnosticLog();
  const scanner = new EdifactScanner(log, source);
  const envelopes = new EdifactEnvelopes(log);
  let last = { id: "", index: 0, offset: source.base };
  for (let segment = scanner.next(); segment !== null; segment = scanner.next()) {
    envelopes.push(segment, scanner.separators);
    last = { id: segment.tag, index: segment.index, offset: segment.offset };
  }
  envelopes.finish(last);
  if (log.errors === 0 && scanner.count === 0) log.add("error", "empty_input", last, "the input holds no segments");
  else if (log.errors === 0 && envelopes.messages === 0)
    log.add("error", "no_messages", last, "the input holds no message (no UNH … UNT inside UNB … UNZ)");
  return {
    ok: log.errors === 0 && envelopes.messages > 0,
    interchanges: envelopes.interchanges,
    diagnostics: log.finish(last),
    counts: { interchanges: envelopes.interchanges.length, messages: envelopes.messages, segments: scanner.count },
  };
}
