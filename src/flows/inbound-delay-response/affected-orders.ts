import type { Records, SalesOrder, Shipment } from "../../modules/records/index.ts";
import { extendedMinor } from "../shared/money.ts";

export type AffectedLine = {
  order_external_id: string;
  order_number: string;
  customer_external_id: string;
  line_number: number;
  item_external_id: string;
  quantity: string;
  uom: string;
  promised_date: string | null;
  location_external_id: string | null;
  value_minor: number;
  currency: string;
};

/** Orders not yet shipped. */
const OPEN = "open,on_hold,released,partially_shipped";

/**
 * The customer order lines a late inbound shipment puts at risk: open orders for its items, at
 * its destination warehouse, promised before the new arrival.
 */
export async function affectedOrders(
  records: Records,
  tenantId: string,
  shipment: Shipment,
  eta: string,
): Promise<AffectedLine[]> {
  const items = new Set((shipment.lines ?? []).map((line) => line.item_external_id));
  const affected: AffectedLine[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 20; page++) {
    const result: { data: SalesOrder[]; next_cursor: string | null } = await records.list(tenantId, "sales_order", {
      status: OPEN,
      promised_date_to: eta.slice(0, 10),
      include: "lines",
      limit: "200",
      ...(cursor ? { cursor } : {}),
    });
    for (const order of result.data) {
      for (const line of order.lines ?? []) {
        if (!items.has(line.item_external_id)) continue;
        const location = line.location_external_id ?? order.location_external_id;
        if (shipment.destination_location_external_id && location && location !== shipment.destination_location_external_id)
          continue;
        const promised = line.promised_date ?? order.promised_date;
        if (promised && promised >= eta.slice(0, 10)) continue;
        const open = Number(line.quantity) - Number(line.quantity_shipped ?? 0);
        if (open <= 0) continue;
        affected.push({
          order_external_id: order.external_id,
          order_number: order.order_number,
          customer_external_id: order.customer_external_id,
          line_number: line.line_number,
          item_external_id: line.item_external_id,
          quantity: String(open),
          uom: line.uom,
          promised_date: promised,
          location_external_id: location,
          value_minor: extendedMinor(String(open), line.unit_price),
          currency: order.currency,
        });
      }
    }
    cursor = result.next_cursor;
    if (!cursor) break;
  }
  return affected;
}
