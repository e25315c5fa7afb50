import { describe, expect, it } from "vitest";
import { generateWorld } from "../../generate-world.ts";
import { decimalNumber, money } from "../format.ts";
import { describePaymentTerms } from "../payment-terms.ts";
import { fixtureWorld } from "../testing/fixture-world.ts";
import { type GeneratedKnowledge, generateForTest, tableRows } from "../testing/generated.ts";

const worlds: [string, () => GeneratedKnowledge][] = [
  ["the fixture world", () => generateForTest(fixtureWorld())],
  ["the small demo world", () => generateForTest(generateWorld({ scale: "small", seed: 1 }))],
];

describe.each(worlds)("customer contracts of %s", (_, generate) => {
  const knowledge = generate();
  const { world, manifest } = knowledge;
  const contracts = manifest.documents.filter((document) => document.kind === "customer_contract");
  const customerOf = (id: string) => world.records.customer.find((customer) => customer.external_id === id);

  it("prices each Exhibit A line exactly as the customer's price agreement in force does", () => {
    let lines = 0;
    for (const contract of contracts) {
      const customerId = contract.related.customer?.[0] ?? "";
      const rows = tableRows(knowledge.text(contract.path), "SKU");
      for (const [sku, , , uom, price, validThrough] of rows) {
        const item = world.records.item.find((candidate) => candidate.sku === sku);
        const agreement = world.records.price_agreement.find(
          (candidate) =>
            candidate.customer_external_id === customerId &&
            candidate.item_external_id === item?.external_id &&
            candidate.uom === uom &&
            candidate.valid_to === validThrough,
        );
        expect(agreement, `${contract.path}: ${sku}`).toBeDefined();
        expect(Number(price?.replace(/[$,]/g, "")), `${contract.path}: ${sku}`).toBe(decimalNumber(agreement?.contract_price));
        expect(agreement?.status).not.toBe("expired");
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(5);
  });

  it("lists every price agreement in force and no expired one", () => {
    for (const contract of contracts) {
      const customerId = contract.related.customer?.[0] ?? "";
      const listed = new Set(contract.related.price_agreement);
      const inForce = world.records.price_agreement.filter(
        (agreement) =>
          agreement.customer_external_id === customerId &&
          (agreement.status ?? "active") === "active" &&
          agreement.valid_from <= world.end &&
          (!agreement.valid_to || agreement.valid_to >= world.end),
      );
      if (inForce.length <= 40) expect(listed).toEqual(new Set(inForce.map((agreement) => agreement.external_id)));
      for (const id of listed) {
        expect(world.records.price_agreement.find((agreement) => agreement.external_id === id)?.status).not.toBe("expired");
      }
    }
  });

  it("states the credit limit and payment terms of the customer record", () => {
    for (const contract of contracts) {
      const customer = customerOf(contract.related.customer?.[0] ?? "");
      const text = knowledge.text(contract.path);
      if (customer?.credit_limit) expect(text, contract.path).toContain(money(customer.credit_limit));
      if (customer?.payment_terms)
        expect(text, contract.path).toContain(`Payment terms are ${describePaymentTerms(customer.payment_terms)}`);
      expect(text).toContain(`account number ${customer?.account_number}`);
    }
  });
});

describe("the fixture's Acme contract", () => {
  it("restricts a ship-to price to its site, marks supplier-funded prices and leaves out expired ones", () => {
    const knowledge = generateForTest(fixtureWorld());
    const acme = knowledge.text("knowledge/contracts/customers/101-acme-fabrication-master-supply-agreement.md");
    expect(acme).toContain(
      "| FLP-4002 | Hydraulic oil AW 46, 5 gal pail | - | EA | $96.40 | 2027-02-28 | Only for site ST2; Supplier-supported |",
    );
    expect(acme).toContain(
      "| FAS-2001 | Hex cap screw 3/8-16 x 1-1/2, grade 5, zinc | AF-44107 | BX | $11.825 | 2027-02-28 | Min. 5 BX per line |",
    );
    expect(acme).toContain("funded in part by Hydra Fluid Power Co.");
    expect(acme).not.toContain("JAN-3001");
    expect(acme).toContain("The initial term begins on the Effective Date and ends on February 28, 2027.");
  });
});
