import { describe, expect, it } from "vitest";
import { generateWorld } from "../../generate-world.ts";
import { decimalNumber, money, quantity } from "../format.ts";
import { fixtureWorld } from "../testing/fixture-world.ts";
import { type GeneratedKnowledge, generateForTest, tableRows } from "../testing/generated.ts";

const worlds: [string, () => GeneratedKnowledge][] = [
  ["the fixture world", () => generateForTest(fixtureWorld())],
  ["the small demo world", () => generateForTest(generateWorld({ scale: "small", seed: 1 }))],
];

describe.each(worlds)("supplier agreements of %s", (_, generate) => {
  const knowledge = generate();
  const { world, manifest } = knowledge;
  const agreements = manifest.documents.filter((document) => document.kind === "supplier_agreement");

  it("exist for a sample of suppliers", () => {
    expect(agreements.length).toBe(3);
  });

  it("state the lead time, minimums and order multiple of the supplier record", () => {
    for (const agreement of agreements) {
      const supplier = world.records.supplier.find((candidate) => candidate.external_id === agreement.related.supplier?.[0]);
      const text = knowledge.text(agreement.path);
      const leadTimes = [...text.matchAll(/(?:lead time is|within|lead time for the Products is) (\d+) calendar days/g)].map(
        (match) => Number(match[1]),
      );
      expect(leadTimes[0], agreement.path).toBe(decimalNumber(supplier?.lead_time_days));
      const moq = decimalNumber(supplier?.minimum_order_quantity);
      if (moq) expect(text).toContain(`at least ${quantity(moq)} units`);
      else expect(text).toContain("No minimum quantity applies to a purchase order line.");
      const amount = decimalNumber(supplier?.minimum_order_amount);
      if (amount) expect(text).toContain(`The minimum purchase order value is ${money(supplier?.minimum_order_amount)}.`);
      else expect(text).toContain("No minimum purchase order value applies.");
      const multiple = decimalNumber(supplier?.order_multiple);
      if (multiple && multiple > 1) expect(text).toContain(`multiples of ${quantity(multiple)}.`);
      if (supplier?.payment_terms) expect(text).toContain(`Payment terms are ${supplier.payment_terms}`);
      if (supplier?.incoterms) expect(text).toContain(`Shipping terms are ${supplier.incoterms}.`);
    }
  });

  it("lists the supplier's own part numbers for the items it supplies", () => {
    let checked = 0;
    for (const agreement of agreements) {
      const supplierId = agreement.related.supplier?.[0];
      for (const [sku, , partNumber] of tableRows(knowledge.text(agreement.path), "SKU")) {
        const item = world.records.item.find((candidate) => candidate.sku === sku);
        expect(item?.preferred_supplier_external_id).toBe(supplierId);
        const xref = world.records.item_xref.find(
          (candidate) =>
            candidate.kind === "supplier" &&
            candidate.supplier_external_id === supplierId &&
            candidate.item_external_id === item?.external_id,
        );
        expect(partNumber, `${agreement.path}: ${sku}`).toBe(xref?.part_number ?? "-");
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3);
  });
});
