import { DiagnosticLog } from "../diagnostics.ts";
import { type EdiInput, ediText } from "../input.ts";
import { X12Envelopes } from "./envelope.ts";
import { FALLBACK, summarize } from "./read.ts";
import { X12Scanner } from "./scanner.ts";
import type { X12Event, X12Summary } from "./types.ts";

/** Each set, group and interchange as it closes, then the summary of the whole read. */
export type X12StreamEvent = X12Event | { type: "end"; summary: X12Summary };

const HIGH_BYTE = /[\x80-\xff]/;

/**
 * Reads X12 one transaction set at a time: each set is handed on with its segments and not kept,
 * so a large input costs its text and one set, not a tree of every segment. Groups and
 * interchanges are handed on as they close (with their counts and diagnostics, without their sets).
 */
export function* iterateX12(input: EdiInput): Generator<X12StreamEvent, void, undefined> {
  const source = ediText(input);
  const log = new DiagnosticLog();
  const scanner = new X12Scanner(log, { ...source, final: true });
  const ready: X12Event[] = [];
  const envelopes = new X12Envelopes(log, false, (event) => ready.push(event));
  for (let segment = scanner.next(); segment !== null; segment = scanner.next()) {
    envelopes.push(segment, scanner.separators ?? FALLBACK);
    if (ready.length > 0) yield* ready.splice(0);
  }
  const summary = summarize(log, scanner, envelopes);
  yield* ready.splice(0);
  yield { type: "end", summary };
}

/**
 * `iterateX12` over a byte stream (a file read stream, an HTTP body): memory stays at one chunk and
 * one transaction set however large the input. Input in UTF-16 is not read here (use `readX12`).
 */
export async function* streamX12(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<X12StreamEvent, void, undefined> {
  const log = new DiagnosticLog();
  const scanner = new X12Scanner(log, { text: "", base: 0, highBytes: false, final: false });
  const ready: X12Event[] = [];
  const envelopes = new X12Envelopes(log, false, (event) => ready.push(event));
  let head: Buffer | null = Buffer.alloc(0);
  const feed = (bytes: Buffer) => {
    const text = bytes.toString("latin1");
    scanner.append(text, HIGH_BYTE.test(text));
  };
  const drain = function* () {
    for (let segment = scanner.next(); segment !== null; segment = scanner.next()) {
      envelopes.push(segment, scanner.separators ?? FALLBACK);
      if (ready.length > 0) yield* ready.splice(0);
    }
  };
  for await (const chunk of chunks) {
    let bytes =
      typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (head) {
      // A byte-order mark may arrive split over the first chunks.
      head = Buffer.concat([head, bytes]);
      if (head.length < 3) continue;
      const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
      bytes = head.subarray(bom);
      scanner.skipBytes(bom);
      head = null;
    }
    feed(bytes);
    yield* drain();
  }
  // Fewer than three bytes in all: no byte-order mark to look for.
  if (head) feed(head);
  scanner.finish();
  yield* drain();
  const summary = summarize(log, scanner, envelopes);
  yield* ready.splice(0);
  yield { type: "end", summary };
}
