import { describe, expect, it } from "vitest";
import { PURCHASE_ORDER_BODY, sample } from "../../testing/samples.ts";
import { readX12 } from "../read.ts";
import type { X12Interchange } from "../types.ts";
import { interchangeAcknowledgment } from "./interchange-ack-ta1.ts";
import { writeX12 } from "./writer.ts";

/** The sample 850 with its ISA14 asking for a TA1, and `change` applied to its text. */
function received(change: (text: string) => string = (text) => text): X12Interchange {
  const text = change(sample(PURCHASE_ORDER_BODY).replace("*000000042*0*T*", "*000000042*1*T*"));
  const interchange = readX12(Buffer.from(text, "latin1")).interchanges[0];
  if (!interchange) throw new Error("nothing read");
  return interchange;
}

describe("acknowledging an interchange with a TA1", () => {
  it("reads the sender's request for one (ISA14 = 1)", () => {
    expect(received().acknowledgmentRequested).toBe(true);
    expect(readX12(sample(PURCHASE_ORDER_BODY)).interchanges[0]?.acknowledgmentRequested).toBe(false);
  });

  it("accepts a whole envelope: its control number, date and time as sent, A 000", () => {
    expect(interchangeAcknowledgment(received())).toEqual({
      segment: ["TA1", "000000042", "260305", "1407", "A", "000"],
      status: "A",
      note: "000",
    });
  });

  it("notes what is wrong with the envelope: IEA's control number (001), its group count (021), IEA missing (023)", () => {
    const mismatch = received((text) => text.replace("IEA*1*000000042", "IEA*1*000000043"));
    expect(interchangeAcknowledgment(mismatch)).toMatchObject({ status: "E", note: "001" });
    const count = received((text) => text.replace("IEA*1*000000042", "IEA*2*000000042"));
    expect(interchangeAcknowledgment(count)).toMatchObject({ status: "E", note: "021" });
    const cut = received((text) => text.slice(0, text.indexOf("IEA*")));
    expect(interchangeAcknowledgment(cut)).toMatchObject({ status: "E", note: "023" });
  });

  it("rejects an interchange the receiver refuses, with the receiver's note", () => {
    expect(interchangeAcknowledgment(received(), { note: "008" })).toMatchObject({
      segment: ["TA1", "000000042", "260305", "1407", "R", "008"],
      status: "R",
    });
  });

  it("is written in an interchange of its own, before any group, and read back as one", () => {
    const { segment } = interchangeAcknowledgment(received());
    const text = writeX12({
      sender: { qualifier: "ZZ", id: "RECEIVER" },
      receiver: { qualifier: "ZZ", id: "SENDER" },
      controlNumber: 7,
      at: new Date("2026-03-05T14:08:00Z"),
      usage: "T",
      acknowledgments: [segment],
      groups: [],
    });
    expect(text.split("~").slice(1)).toEqual(["TA1*000000042*260305*1407*A*000", "IEA*0*000000007", ""]);
    const read = readX12(text);
    expect(read.ok).toBe(true);
    expect(read.interchanges[0]?.groups).toEqual([]);
    expect(read.interchanges[0]?.acknowledgments.map((ta1) => ta1.elements)).toEqual([
      ["TA1", "000000042", "260305", "1407", "A", "000"],
    ]);
  });
});
