import { describe, expect, it } from "vitest";
import { setOf } from "../../testing/read-set.ts";
import { readFunctionalAcknowledgment } from "./functional-ack-997.ts";

describe("reading 997 and 999 acknowledgments", () => {
  it("reads a 997 with a rejected set, its segment and element errors", () => {
    const ack = readFunctionalAcknowledgment(
      setOf("997", ["AK1*PO*42", "AK2*850*0001", "AK5*A", "AK2*850*0002", "AK3*PO1*4**8", "AK4*2**1", "AK5*R*5", "AK9*P*2*2*1"]),
    );
    expect(ack).toMatchObject({
      transaction: "997",
      functional_id: "PO",
      group_control_number: "42",
      status: "partially_accepted",
      sets_included: 2,
      sets_received: 2,
      sets_accepted: 1,
    });
    expect(ack.sets).toMatchObject([
      { set_id: "850", control_number: "0001", status: "accepted", segment_errors: [] },
      {
        control_number: "0002",
        status: "rejected",
        error_codes: ["5"],
        segment_errors: [{ segment_id: "PO1", position: 4, code: "8", elements: [{ position: 2, code: "1" }] }],
      },
    ]);
  });

  it("reads a 999's IK3, IK4 (with a composite position) and IK5 as the same", () => {
    const ack = readFunctionalAcknowledgment(
      setOf(
        "999",
        ["AK1*HC*17*005010X222A1", "AK2*837*0001*005010X222A1", "IK3*NM1*8*2010*8", "IK4*9>1**7*XX", "IK5*R*I5", "AK9*R*1*1*0"],
        "005010X231A1",
      ),
    );
    expect(ack).toMatchObject({ transaction: "999", version: "005010X222A1", status: "rejected", sets_accepted: 0 });
    expect(ack.sets[0]).toMatchObject({
      implementation: "005010X222A1",
      status: "rejected",
      segment_errors: [
        { segment_id: "NM1", loop_id: "2010", elements: [{ position: 9, component_position: 1, code: "7", bad_value: "XX" }] },
      ],
    });
  });
});
