import type { RecordInput } from "../../../modules/records/index.ts";
import type { Random } from "../../random.ts";
import { type Micros, toMicros } from "../decimal.ts";
import { mustGet, type WorldIndex } from "../world-index.ts";
import { scacOf } from "./carriers.ts";
import { companyParty, locationParty, type Party, supplierParty } from "./party.ts";
import { type SourceRef, sourceOf } from "./source.ts";

type ShipNoticeLine = {
  lineNumber: number;
  itemExternalId: string;
  supplierPartNumber: string | null;
  sku: string;
  quantity: Micros;
  uom: string;
  lotNumber: string | null;
  poLineNumber: number | null;
};

/** A supplier's advance ship notice for an inbound shipment. */
export type ShipNoticeContent = {
  source: SourceRef;
  supplierExternalId: string;
  purchaseOrderExternalId: string | null;
  shipmentNumber: string;
  shipDate: string;
  shipTime: string;
  estimatedDelivery: string | null;
  carrier: string | null;
  scac: string | null;
  trackingNumber: string | null;
  bolNumber: string;
  packages: number | null;
  weight: Micros | null;
  weightUom: string;
  poNumber: string | null;
  shipFrom: Party;
  shipTo: Party;
  lines: ShipNoticeLine[];
};

export function shipNoticeOf(index: WorldIndex, shipment: RecordInput<"shipment">, random: Random): ShipNoticeContent {
  const supplier = mustGet(index.suppliers, shipment.supplier_external_id, "supplier");
  const order = shipment.purchase_order_external_id ? index.purchaseOrders.get(shipment.purchase_order_external_id) : undefined;
  const locationId = shipment.destination_location_external_id ?? order?.location_external_id;
  const location = locationId ? index.locations.get(locationId) : undefined;
  const shipDate = shipment.ship_date ?? order?.order_date ?? index.world.start;
  return {
    source: sourceOf("shipment", shipment),
    supplierExternalId: supplier.external_id,
    purchaseOrderExternalId: order?.external_id ?? null,
    shipmentNumber: shipment.shipment_number,
    shipDate,
    shipTime: `${String(random.int(6, 18)).padStart(2, "0")}${String(random.int(0, 59)).padStart(2, "0")}`,
    estimatedDelivery: shipment.estimated_delivery_at?.slice(0, 10) ?? null,
    carrier: shipment.carrier ?? null,
    scac: shipment.carrier ? scacOf(shipment.carrier) : null,
    trackingNumber: shipment.tracking_number ?? null,
    bolNumber: `${supplier.code.slice(0, 4).toUpperCase()}${shipment.shipment_number.replace(/\D/g, "").padStart(7, "0")}`,
    packages: shipment.package_count != null ? Number(shipment.package_count) : null,
    weight: shipment.weight != null ? toMicros(shipment.weight) : null,
    weightUom: shipment.weight_uom ?? "LB",
    poNumber: order?.po_number ?? null,
    shipFrom: supplierParty(supplier),
    shipTo: location ? locationParty(location, index.world.company) : companyParty(index.world.company),
    lines: (shipment.lines ?? []).map((line) => {
      const item = mustGet(index.items, line.item_external_id, "item");
      return {
        lineNumber: Number(line.line_number),
        itemExternalId: item.external_id,
        supplierPartNumber: index.supplierParts.get(`${supplier.external_id}|${item.external_id}`)?.part_number ?? null,
        sku: item.sku,
        quantity: toMicros(line.quantity),
        uom: line.uom,
        lotNumber: line.lot_number ?? null,
        poLineNumber: line.order_line_number != null ? Number(line.order_line_number) : null,
      };
    }),
  };
}
