import { describe, expect, it } from "vitest";
import { PURCHASE_ORDER_BODY, sample } from "../testing/samples.ts";
import { readX12 } from "./read.ts";

const replaceLine = (from: string, to: string | null) =>
  PURCHASE_ORDER_BODY.flatMap((line) => (line === from ? (to === null ? [] : [to]) : [line]));

describe("envelope diagnostics", () => {
  it("warns when trailer control numbers differ from their headers, naming the trailer", () => {
    const body = replaceLine("SE*4*0001", "SE*4*0002").map((line) =>
      line === "GE*1*42" ? "GE*1*43" : line === "IEA*1*000000042" ? "IEA*1*000000043" : line,
    );
    const read = readX12(sample(body));
    expect(read.ok).toBe(true);
    expect(read.diagnostics.map(({ severity, code, segment }) => [severity, code, segment.id, segment.index])).toEqual([
      ["warning", "se_control_mismatch", "SE", 5],
      ["warning", "ge_control_mismatch", "GE", 6],
      ["warning", "iea_control_mismatch", "IEA", 7],
    ]);
    expect(read.diagnostics[0]?.message).toBe('SE02 "0002" does not match ST02 "0001"');
    const set = read.interchanges[0]?.groups[0]?.sets[0];
    expect(set?.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["se_control_mismatch"]);
  });

  it("accepts control numbers that differ only by leading zeros or padding", () => {
    const read = readX12(sample(replaceLine("IEA*1*000000042", "IEA*1*42 ")));
    expect(read.diagnostics).toEqual([]);
  });

  it("warns when SE01, GE01 or IEA01 miscount", () => {
    const body = replaceLine("SE*4*0001", "SE*7*0001").map((line) =>
      line === "GE*1*42" ? "GE*2*42" : line === "IEA*1*000000042" ? "IEA*3*000000042" : line,
    );
    const read = readX12(sample(body));
    expect(read.ok).toBe(true);
    expect(read.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'SE01 says "7" segments; transaction set 850 "0001" has 4 (ST and SE included)',
      'GE01 says "2" transaction sets; functional group "42" has 1',
      'IEA01 says "3" functional groups; interchange "000000042" has 1',
    ]);
  });

  it("rejects a file cut short, naming the last segment and each missing trailer", () => {
    const text = sample();
    const read = readX12(text.slice(0, text.indexOf("SE*")));
    expect(read.ok).toBe(false);
    expect(read.diagnostics.map(({ severity, code, segment }) => [severity, code, segment.id])).toEqual([
      ["error", "se_missing", "PO1"],
      ["error", "ge_missing", "PO1"],
      ["error", "iea_missing", "PO1"],
    ]);
    expect(read.diagnostics[0]?.message).toContain("the input ends inside transaction set 850");
    // What was read is still there, for a person to look at in quarantine.
    expect(read.interchanges[0]?.groups[0]?.sets[0]?.trailer).toBeNull();
  });

  it("rejects a file cut inside the ISA", () => {
    const read = readX12(sample().slice(0, 50));
    expect(read).toMatchObject({
      ok: false,
      diagnostics: [{ severity: "error", code: "isa_truncated", segment: { id: "ISA" } }],
    });
  });

  it("rejects a set whose SE is missing before the next ST", () => {
    const body = replaceLine("SE*4*0001", null);
    body.splice(4, 0, "ST*850*0002", "SE*2*0002");
    const read = readX12(sample(body));
    expect(read.ok).toBe(false);
    expect(read.diagnostics).toMatchObject([
      { code: "se_missing", segment: { id: "ST", index: 5 } },
      { code: "ge_count_mismatch" },
    ]);
  });

  it("rejects input that is not X12, naming what it starts with", () => {
    const read = readX12("UNB+UNOC:3+SENDER+RECEIVER+260305:1407+1'");
    expect(read).toMatchObject({ ok: false, counts: { sets: 0 } });
    expect(read.diagnostics).toMatchObject([{ severity: "error", code: "not_edi", segment: { id: "UNB", index: 0, offset: 0 } }]);
  });

  it("never reads an interchange without transaction sets as a success", () => {
    const read = readX12(sample(["GS*PO*SENDER*RECEIVER*20260305*1407*42*X*004010", "GE*0*42", "IEA*1*000000042"]));
    expect(read.ok).toBe(false);
    expect(read.diagnostics).toMatchObject([{ code: "no_transaction_sets", segment: { id: "IEA" } }]);
    expect(readX12("")).toMatchObject({ ok: false, diagnostics: [{ code: "empty_input" }] });
    expect(readX12("  \r\n ")).toMatchObject({ ok: false, diagnostics: [{ code: "empty_input" }] });
  });

  it("reads an interchange of TA1 acknowledgments only", () => {
    const read = readX12(sample(["TA1*000000001*260305*1407*A*000", "IEA*0*000000042"]));
    expect(read).toMatchObject({ ok: true, counts: { sets: 0, acknowledgments: 1 } });
    expect(read.interchanges[0]?.acknowledgments[0]?.elements[4]).toBe("A");
  });

  it("rejects segments outside any set, and an ST outside a group", () => {
    const stray = readX12(
      sample(["GS*PO*SENDER*RECEIVER*20260305*1407*42*X*004010", "N1*ST*Lost", ...PURCHASE_ORDER_BODY.slice(1)]),
    );
    expect(stray.diagnostics).toMatchObject([{ code: "segment_outside_envelope", segment: { id: "N1", index: 2 } }]);
    const orphan = readX12(sample(PURCHASE_ORDER_BODY.slice(1)));
    expect(orphan.ok).toBe(false);
    expect(orphan.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["st_outside_group", "iea_count_mismatch"]);
  });

  it("rejects a segment whose id is not an id", () => {
    const read = readX12(sample(replaceLine("PO1*1*10*EA*45*PE*VP*V-1", "po1*1")));
    expect(read.ok).toBe(false);
    expect(read.diagnostics).toMatchObject([{ code: "segment_id_invalid", segment: { id: "po1", index: 4 } }]);
    expect(read.interchanges[0]?.groups[0]?.sets[0]?.diagnostics).toHaveLength(1);
  });
});
