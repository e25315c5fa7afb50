import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EdiDiagnostic } from "./diagnostics.ts";
import { readEdifact } from "./edifact/read.ts";
import { readEdi } from "./read-edi.ts";
import { sample } from "./testing/samples.ts";
import { iterateX12, streamX12, type X12StreamEvent } from "./x12/iterate.ts";
import { readX12 } from "./x12/read.ts";
import { readTransactionSet } from "./x12/sets/read-set.ts";
import { invoice } from "./x12/write/invoice-810.ts";
import { shipNotice } from "./x12/write/ship-notice-856.ts";
import { writeX12 } from "./x12/write/writer.ts";

/** No input may take longer than this to read (the largest generated here is a few KB). */
const BOUND_MS = 1_000;

/** Whatever came in, a read says ok with something read, or not ok with an error naming a segment and a reason. */
function expectSound(read: { ok: boolean; diagnostics: EdiDiagnostic[] }, found: number): void {
  for (const diagnostic of read.diagnostics) {
    expect(typeof diagnostic.segment.id).toBe("string");
    expect(diagnostic.segment.index).toBeGreaterThanOrEqual(0);
    expect(diagnostic.segment.offset).toBeGreaterThanOrEqual(0);
    expect(diagnostic.message.length).toBeGreaterThan(0);
  }
  expect(read.diagnostics.length).toBeLessThanOrEqual(201);
  const errors = read.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (read.ok) {
    expect(errors).toEqual([]);
    expect(found).toBeGreaterThan(0);
  } else {
    expect(errors.length).toBeGreaterThan(0);
  }
}

/** Reads `bytes` every way there is, within the time bound, and checks each outcome. */
function readEveryWay(bytes: Uint8Array): void {
  const started = performance.now();
  const x12 = readX12(bytes);
  expectSound(x12, x12.counts.sets + x12.counts.acknowledgments);
  for (const interchange of x12.interchanges) {
    for (const group of interchange.groups) for (const set of group.sets) readTransactionSet(set);
  }
  const edifact = readEdifact(bytes);
  expectSound(edifact, edifact.counts.messages);
  const either = readEdi(bytes);
  expectSound(either.read, either.standard === null ? 0 : 1);
  const events = [...iterateX12(bytes)];
  const end = events.at(-1);
  expect(end?.type === "end" && end.summary.diagnostics).toEqual(x12.diagnostics);
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
}

const SEPARATORS = ["*", "|", "~", "^", "!", "\\", "}", "`", ":", ">", "+", "'", "…", "¦"];
const TERMINATORS = ["~", "\n", "\r\n", "|", "!", "\\", "…", "}", "'", "\x85"];

const separators = fc
  .record({
    element: fc.constantFrom(...SEPARATORS),
    component: fc.constantFrom(...SEPARATORS),
    segment: fc.constantFrom(...TERMINATORS),
    after: fc.constantFrom("", "\n", "\r\n", "\r\n    "),
  })
  .filter(({ element, component, segment }) => new Set([element, component, segment.trim() || segment]).size === 3);

const written = [
  sample(),
  sample(undefined, { segment: "\n" }),
  sample(undefined, { segment: "…", after: "\r\n" }),
  sample(undefined, { element: "~", segment: "*" }),
  writeX12({
    sender: { qualifier: "ZZ", id: "A" },
    receiver: { qualifier: "ZZ", id: "B" },
    controlNumber: 5,
    at: new Date("2026-03-06T10:00:00Z"),
    usage: "P",
    groups: [
      {
        functionalId: "SH",
        applicationSender: "A",
        applicationReceiver: "B",
        controlNumber: 5,
        version: "004010",
        sets: [
          {
            id: "856",
            controlNumber: 1,
            segments: shipNotice({
              shipment_number: "S1",
              ship_date: "2026-03-06",
              orders: [{ po_number: "P1", packs: [{ sscc: "001", lines: [{ line_number: 1, quantity: 2, uom: "EA" }] }] }],
            }),
          },
          {
            id: "810",
            controlNumber: 2,
            segments: invoice({
              invoice_number: "I1",
              invoice_date: "2026-03-06",
              lines: [{ line_number: 1, quantity: 2, uom: "EA", unit_price: "1.5" }],
            }),
          },
        ],
      },
    ],
  }),
  "UNA:+.? 'UNB+UNOC:3+S:14+R:14+260305:1407+9'UNH+1+ORDERS:D:96A:UN'BGM+220+PO?+1+9'QTY+21:10'UNT+4+1'UNZ+1+9'",
].map((text) => Buffer.from(text, "utf8"));

/** A valid file changed the way transfers and partners break files. */
const mutated = fc
  .record({
    file: fc.constantFrom(...written),
    at: fc.nat(),
    length: fc.nat({ max: 40 }),
    bytes: fc.uint8Array({ maxLength: 24 }),
    how: fc.constantFrom("delete", "insert", "overwrite", "truncate", "duplicate", "swap"),
  })
  .map(({ file, at, length, bytes, how }) => {
    const position = at % (file.length + 1);
    const head = file.subarray(0, position);
    const tail = file.subarray(position);
    switch (how) {
      case "delete":
        return Buffer.concat([head, tail.subarray(length)]);
      case "insert":
        return Buffer.concat([head, bytes, tail]);
      case "overwrite":
        return Buffer.concat([head, bytes, tail.subarray(bytes.length)]);
      case "truncate":
        return head;
      case "duplicate":
        return Buffer.concat([head, tail.subarray(0, length), tail]);
      default: {
        // Every occurrence of one byte of the file replaced by another: separators collide.
        const from = file[position % file.length] ?? 0;
        return Buffer.from(file.map((byte) => (byte === from ? (bytes[0] ?? 0x2a) : byte)));
      }
    }
  });

async function* chunksOf(bytes: Buffer, sizes: number[]) {
  let at = 0;
  for (let n = 0; at < bytes.length; n++) {
    const size = sizes[n % sizes.length] ?? 1;
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

const setsOf = (events: X12StreamEvent[]) =>
  events.flatMap((event) =>
    event.type === "set" ? [[event.set.id, event.set.segments.map((segment) => segment.elements)]] : [],
  );

describe("no input breaks the readers", () => {
  it("reads random bytes without throwing or hanging", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) => readEveryWay(bytes)),
      { numRuns: 300 },
    );
  });

  it("reads random text behind a valid ISA header (deep into the segment reader)", () => {
    const isa = sample().slice(0, 106);
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 1_500 }), (tail) => readEveryWay(Buffer.from(isa + tail, "utf8"))),
      { numRuns: 300 },
    );
  });

  it("reads valid files with random mutations without throwing or hanging", () => {
    fc.assert(
      fc.property(mutated, (bytes) => readEveryWay(bytes)),
      { numRuns: 1_000 },
    );
  });

  it("reads the same from a stream cut anywhere as from the whole input", async () => {
    await fc.assert(
      fc.asyncProperty(
        mutated,
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 8 }),
        async (bytes, sizes) => {
          const streamed: X12StreamEvent[] = [];
          for await (const event of streamX12(chunksOf(bytes, sizes))) streamed.push(event);
          const whole = [...iterateX12(bytes)];
          expect(setsOf(streamed)).toEqual(setsOf(whole));
          expect(streamed.at(-1)).toEqual(whole.at(-1));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("what is written reads back", () => {
  const value = fc.string({ unit: fc.constantFrom(..."ABCXYZ0129 -./#&$@()".split("")), maxLength: 12 });

  it("reads back every element written, whatever separators the partner chose", () => {
    fc.assert(
      fc.property(
        separators,
        fc.array(fc.tuple(fc.constantFrom("REF", "N1", "PO1", "DTM", "MSG"), fc.array(value, { minLength: 1, maxLength: 6 })), {
          minLength: 1,
          maxLength: 12,
        }),
        (chosen, body) => {
          const lineBreaks = chosen.after !== "";
          const segment = chosen.segment === "\r\n" ? "\n" : chosen.segment;
          const text = writeX12({
            sender: { qualifier: "ZZ", id: "SENDER" },
            receiver: { qualifier: "ZZ", id: "RECEIVER" },
            controlNumber: 1,
            at: new Date("2026-03-05T14:07:00Z"),
            usage: "T",
            separators: { element: chosen.element, component: chosen.component, repetition: "", segment, lineBreaks },
            groups: [
              {
                functionalId: "PO",
                applicationSender: "S",
                applicationReceiver: "R",
                controlNumber: 1,
                version: "004010",
                sets: [{ id: "850", controlNumber: 1, segments: body.map(([id, elements]) => [id, ...elements] as const) }],
              },
            ],
          });
          const read = readX12(Buffer.from(text, "utf8"));
          expect(read.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
          const segments = read.interchanges[0]?.groups[0]?.sets[0]?.segments ?? [];
          const trim = (elements: string[]) => {
            const kept = elements.map((element) => element.replace(/ {2,}/g, " ").trim());
            while (kept.length > 1 && kept[kept.length - 1] === "") kept.pop();
            return kept;
          };
          expect(segments.map((each) => trim(each.elements))).toEqual(body.map(([id, elements]) => trim([id, ...elements])));
        },
      ),
      { numRuns: 500 },
    );
  });
});
