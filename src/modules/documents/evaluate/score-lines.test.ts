import { describe, expect, it } from "vitest";
import type { ExtractedLine } from "../extract/extracted.ts";
import { f1Of, sameValue, scoreLines } from "./score-lines.ts";

const at = { page: 1, start: 0, end: 0, box: { x0: 0, y0: 0, x1: 0, y1: 0 } };
const line = (fields: Record<string, string>): ExtractedLine => ({
  fields: Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [name, { value, printed: value, confidence: 1, location: at }]),
  ),
});

describe("scoreLines", () => {
  it("pairs each expected line with the extracted one that agrees most, and counts right, wrong, missed and extra fields", () => {
    const expected = [
      {
        fields: { quantity: "12", amount: "1192.2", description: "THHN wire" },
        printed: { quantity: "12", amount: "1,192.20", description: "THHN wire" },
      },
      {
        fields: { quantity: "4", amount: "38.32", description: "Gloves" },
        printed: { quantity: "4", amount: "38.32", description: "Gloves" },
      },
    ];
    const extracted = [
      line({ quantity: "4", amount: "38.30", description: "Gloves" }), // amount wrong
      line({ quantity: "12.00", amount: "1192.20", description: "THHN  wire", uom: "RL" }), // uom extra
      line({ quantity: "1" }), // paired with nothing
    ];
    const counts = scoreLines(extracted, expected);
    expect(counts).toEqual({ truePositives: 5, falsePositives: 1 + 1 + 1, falseNegatives: 1 });
    expect(f1Of(counts).precision).toBeCloseTo(5 / 8);
    expect(f1Of(counts).recall).toBeCloseTo(5 / 6);
  });

  it("compares numbers as numbers, dates exactly, yes/no as true/false, and text as printed", () => {
    expect(sameValue("299.20", "299.2", "299.20")).toBe(true);
    expect(sameValue("2025-01-12", "2025-01-12", "01/12/2025")).toBe(true);
    expect(sameValue("false", false, "")).toBe(true);
    expect(sameValue("NYLON INSERT LOCK NUT", "Nylon insert lock nut, zinc", "NYLON INSERT LOCK NUT")).toBe(true);
    expect(sameValue("Nylon insert", "Nylon insert lock nut", undefined)).toBe(false);
  });
});
