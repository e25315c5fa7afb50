import type { RecordInput } from "../../modules/records/index.ts";
import { addDays, at } from "./calendar.ts";
import { quantity as qty, unitPrice } from "./money.ts";
import type { EndState } from "./operations.ts";

/**
 * The stock ledger's opening entry per item and warehouse, and the balances when the history
 * ends. The balance on hand is exactly the sum of the movements (opening, receipts, shipments);
 * what sold but has not shipped yet is allocated, not yet moved.
 */
export function buildInventory(
  start: string,
  end: string,
  endStates: EndState[],
  allocated: Map<string, number>,
  inTransit: Map<string, number>,
): { openings: RecordInput<"inventory_movement">[]; balances: RecordInput<"inventory_balance">[] } {
  const openings: RecordInput<"inventory_movement">[] = [];
  const balances: RecordInput<"inventory_balance">[] = [];
  for (const state of endStates) {
    const { item, locationExternalId } = state.profile;
    const pack = item.packing.packSize;
    const slot = `${item.externalId}@${locationExternalId}`;
    const baseCost = unitPrice(item.cost / pack);
    openings.push({
      source_system: "wms",
      external_id: `MOV-OPEN-${item.externalId}-${locationExternalId}`,
      item_external_id: item.externalId,
      location_external_id: locationExternalId,
      kind: "adjustment",
      quantity: qty(state.opening * pack),
      uom: item.packing.baseUom,
      occurred_at: at(addDays(start, -1), 23, 0),
      reason_code: "OPENING",
      unit_cost: baseCost,
      currency: "USD",
    });
    const held = allocated.get(slot) ?? 0;
    const onHand = state.onHand * pack + held;
    balances.push({
      source_system: "wms",
      external_id: `BAL-${item.externalId}-${locationExternalId}`,
      item_external_id: item.externalId,
      location_external_id: locationExternalId,
      uom: item.packing.baseUom,
      quantity_on_hand: qty(onHand),
      quantity_allocated: qty(held),
      quantity_available: qty(onHand - held),
      quantity_on_order: qty(state.onOrder * pack),
      quantity_in_transit: qty(inTransit.get(slot) ?? 0),
      reorder_point: qty(state.reorderPoint * pack),
      safety_stock: qty(state.safetyStock * pack),
      currency: "USD",
      unit_cost: baseCost,
      as_of: at(end, 23, 59),
    });
  }
  return { openings, balances };
}
