import { describe, expect, it } from "vitest";
import { lineOfJsonPath } from "./json-path-line.ts";

const json = JSON.stringify(
  {
    default: { min_confidence: 0.9, approver_tiers: [{ max_minor: null, role: "admin" }] },
    kinds: { "order.hold": { min_confidence: 2 }, "sales_order.create": { min_confidence: 0.9 } },
  },
  null,
  2,
);
const lineOf = (text: string) => json.split("\n").findIndex((line) => line.includes(text)) + 1;
const lastLineOf = (text: string) => json.split("\n").findLastIndex((line) => line.includes(text)) + 1;

describe("lineOfJsonPath", () => {
  it("finds a key inside a kind whose name holds dots", () => {
    expect(lineOfJsonPath(json, "data.kinds.order.hold.min_confidence")).toBe(lineOf('"min_confidence": 2'));
    expect(lineOfJsonPath(json, "data.kinds.sales_order.create.min_confidence")).toBe(lastLineOf('"min_confidence"'));
  });

  it("passes over array indexes and stops at the deepest key it finds", () => {
    expect(lineOfJsonPath(json, "data.default.approver_tiers.0.max_minor")).toBe(lineOf('"max_minor"'));
    expect(lineOfJsonPath(json, "data.default.nope")).toBe(lineOf('"default"'));
    expect(lineOfJsonPath(json, "body")).toBeNull();
  });
});
