import type { RecordInput, RecordTypeName } from "../../modules/records/index.ts";
import type { DemoWorld } from "../world.ts";

type Row<T extends RecordTypeName> = RecordInput<T>;

/** Records of the world by external id, and the cross-references documents print. */
export type WorldIndex = {
  world: DemoWorld;
  customers: Map<string, Row<"customer">>;
  shipTos: Map<string, Row<"ship_to">>;
  suppliers: Map<string, Row<"supplier">>;
  items: Map<string, Row<"item">>;
  locations: Map<string, Row<"location">>;
  salesOrders: Map<string, Row<"sales_order">>;
  purchaseOrders: Map<string, Row<"purchase_order">>;
  /** A customer's part number for an item: `customerExternalId|itemExternalId`. */
  customerParts: Map<string, Row<"item_xref">>;
  /** A supplier's part number for an item: `supplierExternalId|itemExternalId`. */
  supplierParts: Map<string, Row<"item_xref">>;
};

export function indexWorld(world: DemoWorld): WorldIndex {
  const byId = <T extends { external_id: string }>(rows: readonly T[]) => new Map(rows.map((row) => [row.external_id, row]));
  const customerParts = new Map<string, Row<"item_xref">>();
  const supplierParts = new Map<string, Row<"item_xref">>();
  for (const xref of world.records.item_xref) {
    if (xref.status === "inactive") continue;
    if (xref.kind === "customer" && xref.customer_external_id) {
      customerParts.set(`${xref.customer_external_id}|${xref.item_external_id}`, xref);
    }
    if (xref.kind === "supplier" && xref.supplier_external_id) {
      supplierParts.set(`${xref.supplier_external_id}|${xref.item_external_id}`, xref);
    }
  }
  return {
    world,
    customers: byId(world.records.customer),
    shipTos: byId(world.records.ship_to),
    suppliers: byId(world.records.supplier),
    items: byId(world.records.item),
    locations: byId(world.records.location),
    salesOrders: byId(world.records.sales_order),
    purchaseOrders: byId(world.records.purchase_order),
    customerParts,
    supplierParts,
  };
}

/** The record an id points at; a dangling reference in the world is a bug in its generator. */
export function mustGet<V>(map: Map<string, V>, id: string | null | undefined, what: string): V {
  const value = id ? map.get(id) : undefined;
  if (value === undefined) throw new Error(`the demo world has no ${what} ${String(id)}`);
  return value;
}
