import type { RecordInput, RecordTypeName } from "../../modules/records/index.ts";
import type { DemoWorld } from "../world.ts";

export type Row<T extends RecordTypeName> = RecordInput<T>;

/** The world's records by external id, grouped the ways the knowledge documents read them. */
export type WorldIndex = {
  world: DemoWorld;
  /** "Today" for the documents: the last day of the history. */
  asOf: string;
  customers: Map<string, Row<"customer">>;
  suppliers: Map<string, Row<"supplier">>;
  items: Map<string, Row<"item">>;
  priceLists: Map<string, Row<"price_list">>;
  shipTos: Map<string, Row<"ship_to">>;
  shipTosByCustomer: Map<string, Row<"ship_to">[]>;
  agreementsByCustomer: Map<string, Row<"price_agreement">[]>;
  itemsBySupplier: Map<string, Row<"item">[]>;
  /** Items by category, sorted by SKU; categories sorted by name. */
  itemsByCategory: Map<string, Row<"item">[]>;
  /** A customer's part number for an item, keyed `customerExternalId|itemExternalId`. */
  customerParts: Map<string, Row<"item_xref">>;
  /** A supplier's part number for an item, keyed `supplierExternalId|itemExternalId`. */
  supplierParts: Map<string, Row<"item_xref">>;
  /** The item that replaced a discontinued one, by the old item's external id. */
  replacements: Map<string, { replacedBy: string; since: string }>;
};

const UNCATEGORIZED = "uncategorized";

export function indexWorld(world: DemoWorld): WorldIndex {
  const { records } = world;
  const byId = <T extends { external_id: string }>(rows: readonly T[]) => new Map(rows.map((row) => [row.external_id, row]));
  const customerParts = new Map<string, Row<"item_xref">>();
  const supplierParts = new Map<string, Row<"item_xref">>();
  for (const xref of records.item_xref) {
    if (xref.status === "inactive") continue;
    if (xref.kind === "customer" && xref.customer_external_id) {
      customerParts.set(`${xref.customer_external_id}|${xref.item_external_id}`, xref);
    }
    if (xref.kind === "supplier" && xref.supplier_external_id) {
      supplierParts.set(`${xref.supplier_external_id}|${xref.item_external_id}`, xref);
    }
  }
  const bySku = (a: Row<"item">, b: Row<"item">) => compare(a.sku, b.sku);
  const itemsByCategory = groupBy(records.item, (item) => item.category ?? UNCATEGORIZED);
  for (const items of itemsByCategory.values()) items.sort(bySku);
  const itemsBySupplier = groupBy(
    records.item.filter((item) => item.preferred_supplier_external_id),
    (item) => item.preferred_supplier_external_id ?? "",
  );
  for (const items of itemsBySupplier.values()) items.sort(bySku);
  return {
    world,
    asOf: world.end,
    customers: byId(records.customer),
    suppliers: byId(records.supplier),
    items: byId(records.item),
    priceLists: byId(records.price_list),
    shipTos: byId(records.ship_to),
    shipTosByCustomer: groupBy(records.ship_to, (shipTo) => shipTo.customer_external_id),
    agreementsByCustomer: groupBy(records.price_agreement, (agreement) => agreement.customer_external_id),
    itemsBySupplier,
    itemsByCategory: new Map([...itemsByCategory].sort(([a], [b]) => compare(a, b))),
    customerParts,
    supplierParts,
    replacements: new Map(
      world.truth.supersededItems.map((entry) => [
        entry.itemExternalId,
        { replacedBy: entry.replacedByExternalId, since: entry.since },
      ]),
    ),
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Code-point order, the same on every machine (localeCompare is not). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
