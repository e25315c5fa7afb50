import { describe, expect, it } from "vitest";
import { PURCHASE_ORDER_BODY, sample } from "../testing/samples.ts";
import { iterateX12, streamX12, type X12StreamEvent } from "./iterate.ts";
import { readX12 } from "./read.ts";

/** Sets as id, control number and body, in order, from a stream of events. */
function setsIn(events: X12StreamEvent[]) {
  return events.flatMap((event) =>
    event.type === "set" ? [[event.set.id, event.set.controlNumber, event.set.segments.map((segment) => segment.elements)]] : [],
  );
}

async function collect(chunks: AsyncIterable<Uint8Array | string>): Promise<X12StreamEvent[]> {
  const events: X12StreamEvent[] = [];
  for await (const event of streamX12(chunks)) events.push(event);
  return events;
}

async function* pieces(bytes: Buffer, size: number) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const twoInterchanges = Buffer.concat([
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from(sample(undefined, { segment: "…", after: "\r\n" }), "utf8"),
  Buffer.from(sample(PURCHASE_ORDER_BODY, { element: "|", segment: "\n" }), "utf8"),
]);

describe("reading X12 one set at a time", () => {
  it("hands on each set, then its group and interchange, then the summary", () => {
    const events = [...iterateX12(sample())];
    expect(events.map((event) => event.type)).toEqual(["set", "group", "interchange", "end"]);
    const end = events.at(-1);
    expect(end?.type === "end" && end.summary).toMatchObject({ ok: true, counts: { sets: 1, segments: 8 } });
    // A streaming read does not keep sets in their group.
    const group = events.find((event) => event.type === "group");
    expect(group?.type === "group" && [group.group.sets.length, group.group.setCount]).toEqual([0, 1]);
  });

  it("gives the same sets and diagnostics as a whole read", () => {
    const whole = readX12(twoInterchanges);
    const events = [...iterateX12(twoInterchanges)];
    const end = events.at(-1);
    expect(setsIn(events)).toEqual(
      whole.interchanges.flatMap((interchange) =>
        interchange.groups.flatMap((group) =>
          group.sets.map((set) => [set.id, set.controlNumber, set.segments.map((s) => s.elements)]),
        ),
      ),
    );
    expect(end?.type === "end" && end.summary.diagnostics).toEqual(whole.diagnostics);
  });

  it.each([1, 2, 3, 7, 64, 4096])(
    "streams the same result from chunks of %i bytes (marks and multibyte terminators split)",
    async (size) => {
      const streamed = await collect(pieces(twoInterchanges, size));
      const whole = [...iterateX12(twoInterchanges)];
      expect(setsIn(streamed)).toEqual(setsIn(whole));
      expect(streamed.at(-1)).toEqual(whole.at(-1));
    },
  );

  it("reports a stream cut short", async () => {
    const text = sample();
    const events = await collect(pieces(Buffer.from(text.slice(0, text.indexOf("SE*"))), 16));
    const end = events.at(-1);
    expect(end?.type === "end" && end.summary).toMatchObject({
      ok: false,
      diagnostics: [{ code: "se_missing" }, { code: "ge_missing" }, { code: "iea_missing" }],
    });
    expect(events.filter((event) => event.type === "set")).toHaveLength(1);
  });

  it("rejects a stream that is not X12, without reading it all into memory", async () => {
    async function* junk() {
      for (let n = 0; n < 64; n++) yield Buffer.alloc(64 * 1024, 0x41);
    }
    const events = await collect(junk());
    expect(events).toMatchObject([
      { type: "end", summary: { ok: false, diagnostics: [{ code: "not_edi", segment: { id: "AAA" } }] } },
    ]);
  });
});
