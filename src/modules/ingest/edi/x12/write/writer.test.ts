import { describe, expect, it } from "vitest";
import { readX12 } from "../read.ts";
import { cleanElement, DEFAULT_SEPARATORS, writeX12, type X12OutboundInterchange } from "./writer.ts";

const group: X12OutboundInterchange["groups"][number] = {
  functionalId: "PR",
  applicationSender: "HARBOR",
  applicationReceiver: "ACME",
  controlNumber: 7,
  version: "004010",
  sets: [
    { id: "855", controlNumber: 1, segments: [["BAK", "00", "AD", "PO-1", "20260301"]] },
    {
      id: "855",
      controlNumber: 2,
      segments: [
        ["BAK", "00", "AD", "PO-2", "20260301"],
        ["CTT", "0", ""],
      ],
    },
  ],
};

const interchange: X12OutboundInterchange = {
  sender: { qualifier: "ZZ", id: "HARBOR" },
  receiver: { qualifier: "01", id: "123456789" },
  controlNumber: 42,
  at: new Date("2026-03-05T14:07:00Z"),
  usage: "T",
  groups: [group],
};

describe("writing X12", () => {
  it("writes a 106-character ISA, control numbers and the counts the trailers carry", () => {
    const text = writeX12(interchange);
    expect(text.slice(0, 106)).toBe(
      "ISA*00*          *00*          *ZZ*HARBOR         *01*123456789      *260305*1407*U*00401*000000042*0*T*>~",
    );
    expect(text.slice(106).split("~")).toEqual([
      "GS*PR*HARBOR*ACME*20260305*1407*7*X*004010",
      "ST*855*0001",
      "BAK*00*AD*PO-1*20260301",
      "SE*3*0001",
      "ST*855*0002",
      "BAK*00*AD*PO-2*20260301",
      "CTT*0",
      "SE*4*0002",
      "GE*2*7",
      "IEA*1*000000042",
      "",
    ]);
    const read = readX12(text);
    expect(read).toMatchObject({ ok: true, diagnostics: [], counts: { sets: 2 } });
  });

  it("writes the partner's separators, a line break after each segment, and ISA11 from 00402 on", () => {
    const text = writeX12({
      ...interchange,
      version: "00501",
      separators: { element: "|", component: ":", repetition: "{", segment: "\\", lineBreaks: true },
    });
    expect(text.split("\n")[0]).toMatch(/^ISA\|00\|.*\|\{\|00501\|000000042\|0\|T\|:\\$/);
    const read = readX12(text);
    expect(read.ok).toBe(true);
    expect(read.interchanges[0]?.separators).toMatchObject({
      element: "|",
      component: ":",
      repetition: "{",
      segment: "\\",
      lineBreaks: true,
    });
  });

  it("keeps separators out of the data and writes composites", () => {
    expect(cleanElement("A*B~C>D — é\nx", DEFAULT_SEPARATORS)).toBe("A B C D - e x");
    const text = writeX12({
      ...interchange,
      groups: [
        {
          ...group,
          sets: [
            {
              id: "855",
              controlNumber: 1,
              segments: [
                ["REF", "ZZ", "a*b"],
                ["SV1", ["HC", "99213"]],
              ],
            },
          ],
        },
      ],
    });
    expect(text).toContain("REF*ZZ*a b~SV1*HC>99213~");
  });

  it("refuses control numbers X12 cannot carry", () => {
    expect(() => writeX12({ ...interchange, controlNumber: 1_000_000_000 })).toThrow(RangeError);
    expect(() => writeX12({ ...interchange, groups: [{ ...group, controlNumber: 0 }] })).toThrow(/GS06/);
    expect(() =>
      writeX12({
        ...interchange,
        groups: [{ ...group, sets: [{ id: "855", controlNumber: "12", segments: [] }] }],
      }),
    ).toThrow(/ST02/);
  });
});
