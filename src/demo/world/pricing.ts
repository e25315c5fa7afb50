import type { RecordInput } from "../../modules/records/index.ts";
import type { Random } from "../random.ts";
import { addDays } from "./calendar.ts";
import { CATEGORY_CODES, type CatalogItem } from "./catalog.ts";
import { round4, unitPrice } from "./money.ts";
import type { DemoCustomer } from "./parties.ts";

/** A contract price a customer has for an item, in force between two dates. */
export type ContractPrice = { itemExternalId: string; price: number; from: string; to: string | undefined };

export type Pricing = {
  priceLists: RecordInput<"price_list">[];
  agreements: RecordInput<"price_agreement">[];
  xrefs: RecordInput<"item_xref">[];
  /** Contract prices by customer, then item. */
  contracts: Map<string, Map<string, ContractPrice[]>>;
  /** Customer part numbers by customer, then item. */
  customerPartNumbers: Map<string, Map<string, string>>;
};

/** List prices (one price list per category), customer contract prices, and part-number cross-references. */
export function generatePricing(
  random: Random,
  items: CatalogItem[],
  customers: DemoCustomer[],
  historyStart: string,
  historyEnd: string,
): Pricing {
  const priceLists = Object.entries(CATEGORY_CODES).map(
    ([category, code]): RecordInput<"price_list"> => ({
      source_system: "erp",
      external_id: `PL-LIST-${code}`,
      code: `LIST-${code}`,
      name: `List prices — ${category}`,
      status: "active",
      currency: "USD",
      valid_from: addDays(historyStart, -365),
      priority: 100,
      lines: items
        .filter((item) => item.category === category)
        .map((item) => ({
          item_external_id: item.externalId,
          uom: item.packing.salesUom,
          unit_price: unitPrice(item.listPrice),
        })),
    }),
  );

  const agreements: RecordInput<"price_agreement">[] = [];
  const contracts = new Map<string, Map<string, ContractPrice[]>>();
  const active = items.filter((item) => !item.discontinuedOn && !item.replaces);
  let agreementNumber = 5001;
  for (const customer of customers) {
    if (!customer.keyAccount && !random.chance(0.3)) continue;
    const count = customer.keyAccount ? random.int(15, 40) : random.int(3, 12);
    const byItem = new Map<string, ContractPrice[]>();
    const number = `CPA-${agreementNumber++}`;
    for (const [index, item] of random.sample(active, Math.min(count, active.length)).entries()) {
      const discount = random.next() * 0.17 + 0.08;
      const price = round4(item.listPrice * (1 - discount));
      // Some agreements ran out during the history and were not renewed.
      const expired = random.chance(0.2);
      const from = addDays(historyStart, -random.int(30, 400));
      const to = expired ? addDays(historyStart, random.int(60, 600)) : addDays(historyEnd, random.int(30, 400));
      byItem.set(item.externalId, [{ itemExternalId: item.externalId, price, from, to }]);
      agreements.push({
        source_system: "erp",
        external_id: `${number}-${index + 1}`,
        agreement_number: number,
        customer_external_id: customer.externalId,
        item_external_id: item.externalId,
        uom: item.packing.salesUom,
        currency: "USD",
        contract_price: unitPrice(price),
        valid_from: from,
        valid_to: to,
        status: to < historyEnd ? "expired" : "active",
        // Some contract prices are below cost, funded by the supplier through ship-and-debit claims.
        rebate_supplier_external_id: random.chance(0.15) ? item.supplierExternalId : undefined,
        notes: customer.keyAccount ? "Key account contract pricing" : undefined,
      });
    }
    contracts.set(customer.externalId, byItem);
  }

  const xrefs: RecordInput<"item_xref">[] = [];
  const customerPartNumbers = new Map<string, Map<string, string>>();
  for (const item of items) {
    xrefs.push({
      source_system: "erp",
      external_id: `XS-${item.externalId}`,
      item_external_id: item.externalId,
      kind: "supplier",
      supplier_external_id: item.supplierExternalId,
      part_number: `${item.supplierExternalId.replace("SUP-", "")}-${item.record.manufacturer_part_number}`,
      uom: item.packing.salesUom,
      quantity_in_base: String(item.packing.packSize),
      status: "active",
    });
  }
  for (const customer of customers) {
    if (!customer.keyAccount && !random.chance(0.15)) continue;
    const numbers = new Map<string, string>();
    const prefix = customer.record.name.replace(/[^A-Z]/g, "").slice(0, 3) || "CU";
    for (const item of random.sample(active, Math.min(active.length, customer.keyAccount ? 60 : 15))) {
      const partNumber = `${prefix}-${random.int(10_000, 99_999)}`;
      numbers.set(item.externalId, partNumber);
      xrefs.push({
        source_system: "erp",
        external_id: `XC-${customer.externalId}-${item.externalId}`,
        item_external_id: item.externalId,
        kind: "customer",
        customer_external_id: customer.externalId,
        part_number: partNumber,
        uom: item.packing.salesUom,
        quantity_in_base: String(item.packing.packSize),
        status: "active",
      });
    }
    customerPartNumbers.set(customer.externalId, numbers);
  }
  return { priceLists, agreements, xrefs, contracts, customerPartNumbers };
}

/** The price a customer pays for an item on a day: its contract price if one is in force, else list. */
export function priceFor(pricing: Pricing, customerExternalId: string, item: CatalogItem, date: string): number {
  const contract = pricing.contracts
    .get(customerExternalId)
    ?.get(item.externalId)
    ?.find((entry) => entry.from <= date && (entry.to === undefined || date <= entry.to));
  return contract ? contract.price : item.listPrice;
}
