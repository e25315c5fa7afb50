import { describe, expect, it } from "vitest";
import { EVENT_PATTERN } from "./contract/webhooks-out.ts";
import { EVENT_TYPES, matchesPattern, unknownEventTypes } from "./event-types.ts";

describe("event types", () => {
  it("name every canonical record's upsert and the actions' transitions", () => {
    const types = EVENT_TYPES.map((entry) => entry.type);
    expect(types).toEqual(expect.arrayContaining(["records.shipment.upserted", "records.item.upserted", "action.failed"]));
    expect(types.every((type) => EVENT_PATTERN.test(type))).toBe(true);
    expect(new Set(types).size).toBe(types.length);
  });

  it("match exactly, or by a prefix ending in *", () => {
    expect(matchesPattern("records.shipment.upserted", "records.shipment.upserted")).toBe(true);
    expect(matchesPattern("records.shipment.upserted", "records.shipment.upserted.extra")).toBe(false);
    expect(matchesPattern("records.*", "records.item.upserted")).toBe(true);
    expect(matchesPattern("records.*", "action.executed")).toBe(false);
    expect(matchesPattern("*", "action.executed")).toBe(true);
  });

  it("refuse what names nothing, saying where and what exists nearby", () => {
    expect(unknownEventTypes(["records.*", "action.executed", "*", "records.sales_order.*"])).toEqual([]);
    const [unknown, noPrefix] = unknownEventTypes(["records.shipment.delayed", "documents.*"]);
    expect(unknown).toMatchObject({ path: "event_types.0", code: "unknown_event_type" });
    expect(unknown?.message).toMatch(/no event type is called "records.shipment.delayed" \(did you mean records\./);
    expect(noPrefix?.message).toMatch(/no event type starts with "documents."/);
  });
});
