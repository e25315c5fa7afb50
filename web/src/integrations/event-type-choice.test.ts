import { describe, expect, it } from "vitest";
import { coveredBy, groupEventTypes, patternsOf, splitPatterns } from "./event-type-choice.ts";

const TYPES = [
  { type: "records.item.upserted", description: "An item was created or changed" },
  { type: "records.shipment.upserted", description: "A shipment was created or changed" },
  { type: "action.executed", description: "A write reached the system of record" },
  { type: "inventory_alert.raised", description: "Stock ran low" },
];

describe("groupEventTypes", () => {
  it("groups the catalogue by family, each with the prefix that takes it whole", () => {
    expect(groupEventTypes(TYPES).map((group) => [group.pattern, group.label, group.types.length])).toEqual([
      ["records.*", "Record changes", 2],
      ["action.*", "Writes to systems of record", 1],
      ["inventory_alert.*", "Inventory alert", 1],
    ]);
  });
});

describe("splitPatterns and patternsOf", () => {
  const groups = groupEventTypes(TYPES);

  it("puts the patterns the form has boxes for in boxes, and the rest in the text", () => {
    const { chosen, other } = splitPatterns(["records.*", "action.executed", "records.shipment.*", "*"], groups);
    expect([...chosen]).toEqual(["records.*", "action.executed", "*"]);
    expect(other).toBe("records.shipment.*");
  });

  it("saves a family instead of its members, and everything instead of families", () => {
    expect(patternsOf(new Set(["records.item.upserted", "records.*", "action.executed"]), "")).toEqual([
      "records.*",
      "action.executed",
    ]);
    expect(patternsOf(new Set(["records.*", "*", "action.executed"]), "")).toEqual(["*"]);
  });

  it("adds the typed patterns, split on commas and spaces, each once", () => {
    expect(patternsOf(new Set(["action.executed"]), " records.shipment.*, action.executed  records.item.*")).toEqual([
      "action.executed",
      "records.shipment.*",
      "records.item.*",
    ]);
    expect(patternsOf(new Set(), "  ")).toEqual([]);
  });

  it("shows a member ticked when its family or everything is chosen", () => {
    expect(coveredBy("records.item.upserted", new Set(["records.*"]))).toBe("records.*");
    expect(coveredBy("records.item.upserted", new Set(["*"]))).toBe("*");
    expect(coveredBy("records.item.upserted", new Set(["action.*"]))).toBeNull();
  });
});
