import { describe, expect, it } from "vitest";
import { fieldLabel, pluralLabel } from "./labels.ts";

describe("labels", () => {
  it("reads field names as words, references by what they name, acronyms in capitals", () => {
    expect(fieldLabel("unit_price")).toBe("Unit price");
    expect(fieldLabel("customer_external_id")).toBe("Customer");
    expect(fieldLabel("customer_po_number")).toBe("Customer PO number");
    expect(fieldLabel("sku")).toBe("SKU");
    expect(fieldLabel("uom_conversions")).toBe("UoM conversions");
    expect(fieldLabel("external_id")).toBe("External ID");
  });

  it("names record types in the plural", () => {
    expect(pluralLabel({ plural: "sales_orders" })).toBe("Sales orders");
  });
});
