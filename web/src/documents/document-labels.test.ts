import { describe, expect, it } from "vitest";
import { documentFieldLabel, formatDuration, formatRate, reasonText } from "./document-labels.ts";

describe("document labels", () => {
  it("says reasons and fields in words", () => {
    expect(reasonText("invoice_number was not found")).toBe("Invoice number was not found");
    expect(reasonText("unsure: supplier_address_line1")).toBe("Unsure: supplier address line 1");
    expect(documentFieldLabel("supplier_address_line1")).toBe("Supplier address line 1");
    expect(documentFieldLabel("po_number")).toBe("PO number");
  });

  it("says rates and durations", () => {
    expect(formatRate(1 / 3)).toBe("33.3%");
    expect(formatRate(null)).toBe("—");
    expect(formatDuration(42)).toBe("42 s");
    expect(formatDuration(600)).toBe("10 min");
    expect(formatDuration(5_400)).toBe("1.5 h");
    expect(formatDuration(null)).toBe("—");
  });
});
