import { describe, expect, it } from "vitest";
import { readTransactionSet, readX12, type X12FunctionalAcknowledgment } from "../../edi/index.ts";
import { sample } from "../../edi/testing/samples.ts";
import { acknowledgeGroup, writeAcknowledgment } from "./functional-ack.ts";

const TWO_ORDERS = [
  "GS*PO*SENDER*RECEIVER*20260305*1407*42*X*004010",
  "ST*850*0001",
  "BEG*00*SA*PO-1**20260301",
  "PO1*1*10*EA*45*PE*VP*V-1",
  "SE*4*0001",
  "ST*850*0002",
  "BEG*00*SA*PO-2**20260301",
  "PO1*1*1O*EA*45*PE*VP*V-1",
  "SE*4*0002",
  "GE*2*42",
  "IEA*1*000000042",
];

function answer(body: string[], verdicts: Parameters<typeof acknowledgeGroup>[1], supported = ["850"]) {
  const read = readX12(sample(body, { after: "\n" }));
  const interchange = read.interchanges[0];
  const group = interchange?.groups[0];
  if (!interchange || !group) throw new Error("no group");
  const ack = acknowledgeGroup(group, verdicts, { supported });
  const text = writeAcknowledgment(interchange, group, ack.segments, {
    sender: { qualifier: "ZZ", id: "RECEIVER", application: "RECEIVER" },
    receiver: { qualifier: "ZZ", id: "SENDER", application: "SENDER" },
    controlNumber: 7,
    at: new Date("2026-03-05T15:00:00Z"),
  });
  const back = readX12(text);
  const set = back.interchanges[0]?.groups[0]?.sets[0];
  if (!set) throw new Error(`the 997 does not read back: ${JSON.stringify(back.diagnostics)}`);
  return { ack, text, back, typed: readTransactionSet(set) as X12FunctionalAcknowledgment };
}

describe("the 997 answering a group", () => {
  it("accepts a group whose sets were all taken, from us to the sender under our control number, in its separators", () => {
    const { ack, text, back, typed } = answer(TWO_ORDERS, [
      { accepted: true, errors: [] },
      { accepted: true, errors: [] },
    ]);
    expect(ack).toMatchObject({ status: "A", received: 2, accepted: 2 });
    expect(back.diagnostics).toEqual([]);
    expect(text).toMatch(
      /^ISA\*00\* {10}\*00\* {10}\*ZZ\*RECEIVER {7}\*ZZ\*SENDER {9}\*260305\*1500\*U\*00401\*000000007\*0\*T\*>~\n/,
    );
    expect(back.interchanges[0]?.groups[0]).toMatchObject({
      functionalId: "FA",
      controlNumber: "7",
      applicationSender: "RECEIVER",
    });
    expect(typed).toMatchObject({
      functional_id: "PO",
      group_control_number: "42",
      status: "accepted",
      sets_received: 2,
      sets_accepted: 2,
    });
  });

  it("rejects a set Crossdock could not take with AK3/AK4 at its segment and element, and AK9 P", () => {
    const { ack, typed } = answer(TWO_ORDERS, [
      { accepted: true, errors: [] },
      { accepted: false, errors: [{ segment: "PO1", position: 3, code: "8", element: { position: 2, code: "6", bad: "1O" } }] },
    ]);
    expect(ack).toMatchObject({ status: "P", received: 2, accepted: 1 });
    expect(typed.sets.map((set) => [set.control_number, set.status_code, set.error_codes])).toEqual([
      ["0001", "A", []],
      ["0002", "R", ["5"]],
    ]);
    expect(typed.sets[1]?.segment_errors).toEqual([
      {
        segment_id: "PO1",
        position: 3,
        loop_id: "",
        code: "8",
        elements: [{ position: 2, component_position: null, reference_number: "", code: "6", bad_value: "1O" }],
      },
    ]);
    expect(typed).toMatchObject({ status: "partially_accepted", sets_accepted: 1 });
  });

  it("keeps the reader's own verdict (a set cut short is R 2) and rejects the group when nothing is accepted", () => {
    const cut = TWO_ORDERS.filter((line) => line !== "SE*4*0002");
    const { ack, typed } = answer(cut, [
      { accepted: false, errors: [{ segment: "PO1", position: 3, code: "8" }] },
      { accepted: false, errors: [] },
    ]);
    expect(ack.status).toBe("R");
    expect(typed.sets.map((set) => [set.status_code, set.error_codes])).toEqual([
      ["R", ["5"]],
      ["R", ["2"]],
    ]);
    expect(typed).toMatchObject({ status: "rejected", sets_received: 2, sets_accepted: 0 });
  });
});
