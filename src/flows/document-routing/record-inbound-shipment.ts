import type { DocumentDetail } from "../../modules/documents/index.ts";
import type { PurchaseOrder, Records } from "../../modules/records/index.ts";
import type { WriteContext } from "../../platform/actor.ts";
import { matchedRecord } from "./matched-record.ts";

type Values = Record<string, string>;

const whole = (value: string | undefined) => {
  const count = Number(value);
  return Number.isInteger(count) && count >= 0 ? count : undefined;
};

/**
 * A supplier's packing slip or ship notice as an inbound shipment in the records: goods on their
 * way against the supplier's PO, to the PO's warehouse, with the carrier, tracking number,
 * cartons and weight the slip gives, and each line matched to its PO line (item, quantity shipped,
 * unit). One record per supplier and slip number, so a slip read again updates it. Null when it
 * was not matched to a supplier in the records.
 */
export function inboundShipmentOf(document: DocumentDetail, order: PurchaseOrder | null): Record<string, unknown> | null {
  const matches = document.matches;
  const payload = document.route?.payload as { fields?: Values; lines?: Values[] } | undefined;
  const fields = payload?.fields;
  const number = fields?.packing_slip_number ?? document.document_number;
  if (!matches?.supplier_external_id || !matches.source_system || !fields || !number) return null;
  const packages = whole(fields.packages);
  const weight = Number(fields.total_weight);
  const lines = (payload?.lines ?? []).flatMap((line, index) => {
    const item = matches.line_items[index];
    const quantity = Number(line.quantity);
    if (!item || !Number.isFinite(quantity)) return [];
    const poLine = matches.purchase_order_lines?.[index];
    return [
      {
        line_number: whole(line.line_number) ?? index + 1,
        item_external_id: item,
        quantity: line.quantity,
        uom: line.uom ?? order?.lines?.find((each) => each.line_number === poLine)?.uom ?? "EA",
        ...(poLine !== null && poLine !== undefined ? { order_line_number: poLine } : {}),
      },
    ];
  });
  return {
    source_system: matches.source_system,
    external_id: `${matches.supplier_external_id}:${number}`.slice(0, 200),
    shipment_number: number.slice(0, 64),
    direction: "inbound",
    status: "in_transit",
    supplier_external_id: matches.supplier_external_id,
    ...(matches.purchase_order_external_id ? { purchase_order_external_id: matches.purchase_order_external_id } : {}),
    ...(order?.location_external_id ? { destination_location_external_id: order.location_external_id } : {}),
    ...(fields.carrier ? { carrier: fields.carrier.slice(0, 100) } : {}),
    ...(fields.tracking_number ? { tracking_number: fields.tracking_number.slice(0, 100) } : {}),
    ...(fields.ship_date ? { ship_date: fields.ship_date } : {}),
    ...(packages !== undefined ? { package_count: packages } : {}),
    ...(Number.isFinite(weight) && weight >= 0 ? { weight: fields.total_weight } : {}),
    lines,
  };
}

/** Records a routed packing slip as its inbound shipment; the shipment's external id, or null when it matched no supplier. */
export async function recordInboundShipment(records: Records, ctx: WriteContext, document: DocumentDetail) {
  const order = (await matchedRecord(records, ctx.tenantId, document, "purchase_order")) as PurchaseOrder | null;
  const shipment = inboundShipmentOf(document, order);
  if (!shipment) return null;
  await records.upsert(ctx, "shipment", [shipment]);
  return shipment.external_id as string;
}
