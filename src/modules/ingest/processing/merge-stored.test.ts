import { describe, expect, it } from "vitest";
import { mergeIntoStored } from "./merge-stored.ts";

const stored = {
  id: "shpm_1",
  version: 2,
  created_at: "2024-05-14T00:00:00.000Z",
  updated_at: "2024-05-15T00:00:00.000Z",
  source_system: "ups",
  external_id: "1Z1",
  status: "in_transit",
  estimated_delivery_at: "2024-05-18T00:00:00.000Z",
  attributes: { signed_by: null, first: "a" },
  lines: [],
  tracking_events: [
    { occurred_at: "2024-05-15T20:38:00.000Z", code: "IT", status: "in_transit", city: "Chattanooga", attributes: {} },
  ],
};
const outForDelivery = {
  occurred_at: "2024-05-16T11:46:40.000Z",
  code: "OD",
  status: "out_for_delivery",
  city: null,
  attributes: {},
};

describe("a row merged into the stored record", () => {
  it("adds new lines, keeps stored fields the row leaves empty, and drops what an upsert does not take", () => {
    const merged = mergeIntoStored("shipment", stored, {
      source_system: "ups",
      external_id: "1Z1",
      status: "out_for_delivery",
      estimated_delivery_at: null,
      attributes: { second: "b" },
      tracking_events: [outForDelivery],
    });
    expect(merged).not.toHaveProperty("id");
    expect(merged).not.toHaveProperty("version");
    expect(merged.status).toBe("out_for_delivery");
    expect(merged.estimated_delivery_at).toBe("2024-05-18T00:00:00.000Z");
    expect(merged.attributes).toEqual({ signed_by: null, first: "a", second: "b" });
    expect((merged.tracking_events as { code: string }[]).map((event) => event.code)).toEqual(["IT", "OD"]);
  });

  it("changes nothing when every line of the row is there already (an event sent again)", () => {
    const repeat = { ...stored.tracking_events[0], city: "Chattanooga", region: null };
    const merged = mergeIntoStored(
      "shipment",
      { ...stored, status: "out_for_delivery" },
      {
        source_system: "ups",
        external_id: "1Z1",
        status: "in_transit",
        tracking_events: [repeat],
      },
    );
    expect(merged.status).toBe("out_for_delivery");
    expect(merged.tracking_events).toHaveLength(1);
  });

  it("is the row itself when nothing is stored", () => {
    const row = { source_system: "ups", external_id: "1Z2", tracking_events: [outForDelivery] };
    expect(mergeIntoStored("shipment", undefined, row)).toBe(row);
  });
});
