import type { RecordInput } from "../../../modules/records/index.ts";
import { type Micros, roundMicros, toMicros } from "../decimal.ts";
import { mustGet, type WorldIndex } from "../world-index.ts";
import { scacOf } from "./carriers.ts";
import { commodityOf, hazmatDescription } from "./freight.ts";
import { companyParty, customerParty, locationParty, type Party, shipToParty } from "./party.ts";
import { type SourceRef, sourceOf } from "./source.ts";

/** One row of a BOL's carrier information: goods of one class, and whether they are hazardous. */
type HandlingUnit = {
  count: number;
  type: "PLT" | "CTN";
  weight: Micros;
  hazmat: boolean;
  description: string;
  nmfcClass: string;
  itemExternalIds: string[];
};

/** The straight bill of lading for an outbound shipment, as the distributor's shipping office prints it. */
export type BillOfLadingContent = {
  source: SourceRef;
  salesOrderExternalId: string | null;
  customerExternalId: string | null;
  bolNumber: string;
  shipDate: string;
  carrier: string;
  scac: string;
  proNumber: string | null;
  serviceLevel: string | null;
  shipper: Party;
  consignee: Party;
  orderNumber: string | null;
  customerPoNumber: string | null;
  freightTerms: "Prepaid" | "Collect" | "Third Party";
  packages: number;
  weight: Micros;
  weightUom: string;
  hazmat: boolean;
  units: HandlingUnit[];
  instructions: string | null;
};

type Group = { hazmat: boolean; category: string | null | undefined; weight: Micros; itemExternalIds: string[] };

export function billOfLadingOf(
  index: WorldIndex,
  shipment: RecordInput<"shipment">,
  freightTerms: BillOfLadingContent["freightTerms"],
): BillOfLadingContent {
  const order = shipment.sales_order_external_id ? index.salesOrders.get(shipment.sales_order_external_id) : undefined;
  const customer = mustGet(index.customers, shipment.customer_external_id ?? order?.customer_external_id, "customer");
  const shipToId = shipment.ship_to_external_id ?? order?.ship_to_external_id;
  const shipTo = shipToId ? index.shipTos.get(shipToId) : undefined;
  const originId = shipment.origin_location_external_id ?? order?.location_external_id;
  const origin = originId ? index.locations.get(originId) : undefined;

  // Goods of one class travel as one row; hazardous goods always on rows of their own.
  const groups = new Map<string, Group>();
  for (const line of shipment.lines ?? []) {
    const item = mustGet(index.items, line.item_external_id, "item");
    const hazmat = item.is_hazardous === true;
    const key = `${commodityOf(item.category).nmfcClass}|${hazmat}|${hazmat ? item.category : ""}`;
    const group = groups.get(key) ?? { hazmat, category: item.category, weight: 0n, itemExternalIds: [] };
    group.weight += lineWeight(item, line);
    group.itemExternalIds.push(item.external_id);
    groups.set(key, group);
  }
  const computedWeight = [...groups.values()].reduce((sum, group) => sum + group.weight, 0n);
  const weight = shipment.weight != null ? toMicros(shipment.weight) : roundMicros(computedWeight, 0);
  const packages = shipment.package_count != null ? Number(shipment.package_count) : Math.max(1, groups.size);
  return {
    source: sourceOf("shipment", shipment),
    salesOrderExternalId: order?.external_id ?? null,
    customerExternalId: customer.external_id,
    bolNumber: `BOL${shipment.shipment_number.replace(/\D/g, "").padStart(8, "0")}`,
    shipDate: shipment.ship_date ?? order?.order_date ?? index.world.start,
    carrier: shipment.carrier ?? "Customer pickup",
    scac: scacOf(shipment.carrier ?? "CPU"),
    proNumber: shipment.tracking_number ?? null,
    serviceLevel: shipment.service_level ?? null,
    shipper: origin ? locationParty(origin, index.world.company) : companyParty(index.world.company),
    consignee: shipTo ? shipToParty(shipTo, customer) : customerParty(customer),
    orderNumber: order?.order_number ?? null,
    customerPoNumber: order?.customer_po_number ?? null,
    freightTerms,
    packages,
    weight,
    weightUom: shipment.weight_uom ?? "LB",
    hazmat: [...groups.values()].some((group) => group.hazmat),
    units: handlingUnits([...groups.values()], packages, weight, computedWeight),
    instructions: shipTo?.delivery_instructions ?? null,
  };
}

function lineWeight(item: RecordInput<"item">, line: { quantity: string | number; uom: string }): Micros {
  const conversion = (item.uom_conversions ?? []).find((candidate) => candidate.uom === line.uom);
  const perUnit =
    conversion?.weight != null ? toMicros(conversion.weight) : item.weight != null ? toMicros(item.weight) : 1_000_000n;
  const factor = conversion?.weight == null && conversion ? toMicros(conversion.quantity_in_base) : 1_000_000n;
  return (((toMicros(line.quantity) * perUnit) / 1_000_000n) * factor) / 1_000_000n;
}

/**
 * Shares the shipment's packages and weight among the rows in proportion to each row's weight, so
 * the rows add up to the totals the shipment record holds. With fewer packages than rows, one row.
 */
function handlingUnits(groups: Group[], packages: number, weight: Micros, computedWeight: Micros): HandlingUnit[] {
  const total = computedWeight > 0n ? computedWeight : BigInt(Math.max(groups.length, 1));
  const rows =
    packages >= groups.length && groups.length > 0
      ? groups
      : [
          {
            hazmat: groups.some((group) => group.hazmat),
            category: null,
            weight: total,
            itemExternalIds: groups.flatMap((group) => group.itemExternalIds),
          },
        ];
  const shares = rows.map((group) => (computedWeight > 0n ? Number(group.weight) / Number(total) : 1 / rows.length));
  const counts = allocate(packages, shares, 1);
  let weightLeft = weight;
  return rows.map((group, index) => {
    const last = index === rows.length - 1;
    const rowWeight = last
      ? weightLeft
      : roundMicros((weight * BigInt(Math.round((shares[index] ?? 0) * 1_000_000))) / 1_000_000n, 0);
    weightLeft -= rowWeight;
    const commodity =
      group.category === null && rows.length === 1 && groups.length > 1
        ? { description: "Industrial supplies, mixed", nmfcClass: "85" }
        : commodityOf(group.category);
    return {
      count: counts[index] ?? 0,
      type: rowWeight > 500_000_000n ? "PLT" : "CTN",
      weight: rowWeight,
      hazmat: group.hazmat,
      description: group.hazmat ? `${hazmatDescription(group.category)} (${commodity.description})` : commodity.description,
      nmfcClass: commodity.nmfcClass,
      itemExternalIds: [...new Set(group.itemExternalIds)],
    };
  });
}

/** Splits `total` whole units by `shares` (largest remainder), each row getting at least `minimum`. */
function allocate(total: number, shares: number[], minimum: number): number[] {
  const spare = total - minimum * shares.length;
  const raw = shares.map((share) => share * spare);
  const counts = raw.map((value) => minimum + Math.floor(value));
  let left = total - counts.reduce((sum, count) => sum + count, 0);
  const order = raw
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
    left--;
  }
  return counts;
}
