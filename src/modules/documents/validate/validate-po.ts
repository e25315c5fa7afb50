import type { Customer, Item, ItemXref, PriceAgreement, Records } from "../../records/index.ts";
import type { DocumentCheck } from "../extract/read-document.ts";
import { findParty } from "./find-party.ts";
import type { ReadValues, RecordMatches, Tolerances, Validation } from "./tolerances.ts";
import { unitsInBase } from "./units.ts";

const money = (value: number) => value.toFixed(2);

/** The item a customer's line means: their part number through their cross-references, else our SKU as printed. */
async function resolveItem(
  records: Records,
  tenantId: string,
  customer: Customer | null,
  line: Record<string, string>,
): Promise<{ item: Item; via: string } | null> {
  const theirs = line.customer_part_number ?? line.buyer_part_number;
  if (theirs) {
    const xrefs = (await records.list(tenantId, "item_xref", { part_number: theirs, kind: "customer", limit: 20 }))
      .data as ItemXref[];
    const xref = xrefs.find((candidate) => !customer || candidate.customer_external_id === customer.external_id) ?? xrefs[0];
    if (xref) {
      const [item] = (await records.getManyByExternalId(tenantId, "item", [
        { source_system: xref.source_system, external_id: xref.item_external_id },
      ])) as Item[];
      if (item) return { item, via: `their part ${theirs}` };
    }
  }
  const ours = line.vendor_part_number ?? line.part_number ?? line.supplier_part_number;
  if (ours) {
    const [item] = (await records.list(tenantId, "item", { sku: ours, limit: 1, include: "uom_conversions" })).data as Item[];
    if (item) return { item, via: `our SKU ${ours}` };
  }
  return null;
}

/** What the customer should pay for one base unit: their agreement's price, else the item's list price. */
async function agreedPrice(
  records: Records,
  tenantId: string,
  customer: Customer | null,
  item: Item,
): Promise<{ price: number; from: string } | null> {
  if (customer) {
    const agreements = (
      await records.list(tenantId, "price_agreement", {
        customer_external_id: customer.external_id,
        item_external_id: item.external_id,
        limit: 10,
      })
    ).data as PriceAgreement[];
    const agreement = agreements[0];
    if (agreement) {
      const factor = unitsInBase(item, agreement.uom) ?? 1;
      return {
        price: Number(agreement.contract_price) / factor,
        from: `agreement ${agreement.agreement_number ?? agreement.external_id}`,
      };
    }
  }
  return item.list_price !== null && item.list_price !== undefined
    ? { price: Number(item.list_price), from: "list price" }
    : null;
}

/**
 * A customer's purchase order against the records: the customer is one Crossdock knows; each line
 * names an item (through the customer's part-number cross-references, else our SKU) in a unit the
 * item has; and a price the customer printed is what they should pay (their agreement, else the
 * list price) within the tenant's price tolerance.
 */
export async function validatePurchaseOrder(
  records: Records,
  tenantId: string,
  document: ReadValues,
  tolerances: Tolerances,
): Promise<Validation> {
  const checks: DocumentCheck[] = [];
  const matches: RecordMatches = { source_system: null, line_items: document.lines.map(() => null) };
  const name = document.fields.buyer_name;
  let customer: Customer | null = null;
  if (name) {
    const found = await findParty(records, tenantId, "customer", name);
    customer = found.party;
    if (customer) Object.assign(matches, { source_system: customer.source_system, customer_external_id: customer.external_id });
    if (!found.known) return { checks, matches };
    checks.push({
      check: "customer is known",
      passed: customer !== null,
      expected: `a customer in the records named like "${name}"`,
      found: customer ? `${customer.name} (${customer.external_id})` : "no such customer",
      at_stake: customer ? null : (document.fields.total ?? null),
    });
  }
  for (const [index, line] of document.lines.entries()) {
    const label = `line ${line.line_number ?? index + 1}`;
    const amount = line.amount ?? null;
    const resolved = await resolveItem(records, tenantId, customer, line);
    const printed = line.customer_part_number ?? line.buyer_part_number ?? line.vendor_part_number ?? line.part_number ?? "";
    checks.push({
      check: `${label} item is known`,
      passed: resolved !== null,
      expected: "an item through the customer's part numbers or our SKU",
      found: resolved ? `${resolved.item.sku} (${resolved.via})` : printed ? `no item for ${printed}` : "no part number",
      at_stake: resolved ? null : amount,
    });
    if (!resolved) continue;
    matches.line_items[index] = resolved.item.external_id;
    matches.source_system ??= resolved.item.source_system;
    const factor = line.uom ? unitsInBase(resolved.item, line.uom) : 1;
    if (factor === null) {
      checks.push({
        check: `${label} unit is known`,
        passed: false,
        expected: `a unit of ${resolved.item.sku}: ${[resolved.item.base_uom, ...(resolved.item.uom_conversions ?? []).map((unit) => unit.uom)].join(", ")}`,
        found: line.uom ?? "",
        at_stake: amount,
      });
      continue;
    }
    const price = Number(line.unit_price ?? Number.NaN);
    if (!Number.isFinite(price)) continue;
    const agreed = await agreedPrice(records, tenantId, customer, resolved.item);
    if (!agreed) continue;
    const expected = agreed.price * factor;
    const within = Math.abs(price - expected) <= expected * tolerances.price + 0.005;
    const quantity = Number(line.quantity ?? 0);
    checks.push({
      check: `${label} price is as agreed`,
      passed: within,
      expected: `${money(expected)} per ${line.uom ?? resolved.item.base_uom} (${agreed.from}), within ${tolerances.price * 100}%`,
      found: money(price),
      at_stake: within ? null : money(Math.abs(price - expected) * (Number.isFinite(quantity) ? quantity : 0)),
    });
  }
  return { checks, matches };
}
