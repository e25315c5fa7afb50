import { describe, expect, it } from "vitest";
import { sample } from "../../testing/samples.ts";
import { readX12 } from "../read.ts";
import { readFunctionalAcknowledgment } from "../sets/functional-ack-997.ts";
import { functionalAcknowledgment, writeFunctionalAcknowledgment } from "./functional-ack-997.ts";

const received = sample([
  "GS*PO*SENDER*RECEIVER*20260305*1407*42*X*004010",
  "ST*850*0001",
  "BEG*00*SA*PO-1**20260301",
  "SE*3*0001",
  "ST*850*0002",
  "BEG*00*SA*PO-2**20260301",
  "SE*9*0002",
  "ST*850*0003",
  "po1*bad",
  "SE*3*0003",
  "GE*3*41",
  "IEA*1*000000042",
]);

describe("acknowledging a received group with a 997", () => {
  it("accepts, notes and rejects each set as the reader found it", () => {
    const read = readX12(received);
    const group = read.interchanges[0]?.groups[0];
    if (!group) throw new Error("no group");
    expect(functionalAcknowledgment(group)).toEqual([
      ["AK1", "PO", "42"],
      ["AK2", "850", "0001"],
      ["AK5", "A"],
      ["AK2", "850", "0002"],
      ["AK5", "E", "4"],
      ["AK2", "850", "0003"],
      ["AK3", "po1", "2", "", "1"],
      ["AK5", "R", "5"],
      ["AK9", "P", "3", "3", "2", "4"],
    ]);
  });

  it("answers sets it does not handle as not supported", () => {
    const group = readX12(sample()).interchanges[0]?.groups[0];
    if (!group) throw new Error("no group");
    expect(functionalAcknowledgment(group, { supported: ["810"] })).toEqual([
      ["AK1", "PO", "42"],
      ["AK2", "850", "0001"],
      ["AK5", "R", "1"],
      ["AK9", "R", "1", "1", "0"],
    ]);
  });

  it("writes the whole 997 interchange back to the sender, which reads as the acknowledgment it is", () => {
    const read = readX12(sample(undefined, { element: "|", segment: "\n", component: ":" }));
    const interchange = read.interchanges[0];
    const group = interchange?.groups[0];
    if (!interchange || !group) throw new Error("no group");
    const text = writeFunctionalAcknowledgment(interchange, group, { controlNumber: 77, at: new Date("2026-03-06T08:00:00Z") });
    const answer = readX12(text);
    expect(answer).toMatchObject({ ok: true, diagnostics: [] });
    expect(answer.interchanges[0]).toMatchObject({ senderId: "RECEIVER", receiverId: "SENDER", controlNumber: "000000077" });
    expect(answer.interchanges[0]?.separators).toMatchObject({ element: "|", component: ":", segment: "~", lineBreaks: true });
    const set = answer.interchanges[0]?.groups[0]?.sets[0];
    expect(answer.interchanges[0]?.groups[0]).toMatchObject({ functionalId: "FA", applicationSender: "RECEIVER" });
    expect(set && readFunctionalAcknowledgment(set)).toMatchObject({
      functional_id: "PO",
      group_control_number: "42",
      status: "accepted",
    });
  });

  it("answers a multibyte terminator with the standard one, keeping the sender's single-byte separators", () => {
    const bytes = Buffer.from(sample(undefined, { segment: "…" }), "utf8");
    const interchange = readX12(bytes).interchanges[0];
    const group = interchange?.groups[0];
    if (!interchange || !group) throw new Error("no group");
    const text = writeFunctionalAcknowledgment(interchange, group, { controlNumber: 78, at: new Date("2026-03-06T08:00:00Z") });
    expect(text).not.toContain("…");
    // The ISA is 106 characters, its terminator the last, as a reader counting bytes expects.
    expect(text.slice(0, 106)).toMatch(/^ISA\*.{101}~$/s);
    const answer = readX12(Buffer.from(text, "utf8"));
    expect(answer.ok).toBe(true);
    expect(answer.diagnostics).toEqual([]);
    expect(answer.interchanges[0]?.separators).toMatchObject({ element: interchange.separators.element, segment: "~" });
    const set = answer.interchanges[0]?.groups[0]?.sets[0];
    expect(set && readFunctionalAcknowledgment(set)).toMatchObject({
      group_control_number: group.controlNumber,
      status: "accepted",
    });
  });
});
