import { describe, expect, it } from "vitest";
import { formatSummary } from "./format-summary.ts";
import type { ImportSummary } from "./run-import.ts";

const base: ImportSummary = {
  file: "orders.csv",
  type: "sales-orders",
  tenant: "acme",
  rows: 12_500,
  records: 3_100,
  inserted: 3_000,
  updated: 90,
  unchanged: 8,
  rejected: 2,
  rejected_locally: 1,
  rejections: [
    { line: 7, external_id: "SO-1003", path: "lines.quantity", message: '"x" is not a number' },
    { line: 4_212, external_id: null, path: "external_id", message: "is required" },
  ],
  rejects_file: null,
  batches: 4,
  seconds: 3.21,
};

describe("formatSummary", () => {
  it("gives the counts, the first rejections by line of the file, and where to find them all", () => {
    expect(formatSummary(base)).toBe(
      [
        "Imported orders.csv into sales-orders (tenant acme): 12,500 rows read, 3,100 records, in 3.2 s",
        "  inserted  3,000",
        "  updated      90",
        "  unchanged     8",
        "  rejected      2  (1 before sending)",
        "",
        "Rejections:",
        '  line 7 (external id SO-1003): lines.quantity: "x" is not a number',
        "  line 4212: external_id: is required",
        "",
        "Pass --rejects <file.csv> to get every rejected row with its line and reason.",
        "",
      ].join("\n"),
    );
    expect(
      formatSummary({ ...base, rejected: 0, rejected_locally: 0, rejections: [], records: base.rows }, { stopped: true }),
    ).toMatch(/^Stopped importing orders.csv into sales-orders \(tenant acme\): 12,500 rows read, in 3.2 s\n/);
  });
});
