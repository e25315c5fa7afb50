import type { Item, PriceAgreement } from "../../modules/records/index.ts";
import { fromMinor, toMinor } from "../shared/money.ts";

/** Below cost plus this margin (in percent), a price needs a manager (absent a contract price). */
export const MINIMUM_MARGIN_PERCENT = 10;

export type PriceFloor = { floor_minor: number; basis: "contract" | "cost_plus_margin" | "none"; detail: string };

/**
 * The lowest price a line may carry without a manager: the customer's contract price for the item
 * when one is in force on `date`, else the item's standard cost plus the minimum margin.
 */
export function priceFloor(
  item: Pick<Item, "standard_cost" | "sku">,
  agreements: readonly PriceAgreement[],
  date: string,
): PriceFloor {
  const inForce = agreements.find(
    (agreement) =>
      (agreement.status ?? "active") === "active" &&
      agreement.valid_from <= date &&
      (!agreement.valid_to || agreement.valid_to >= date),
  );
  if (inForce) {
    return {
      floor_minor: toMinor(inForce.contract_price),
      basis: "contract",
      detail: `contract price ${fromMinor(toMinor(inForce.contract_price))} (agreement ${inForce.agreement_number ?? inForce.external_id})`,
    };
  }
  if (item.standard_cost === null || item.standard_cost === undefined) {
    return { floor_minor: 0, basis: "none", detail: `item ${item.sku} has no standard cost, so no floor` };
  }
  const cost = toMinor(item.standard_cost);
  return {
    // In integers: 800 × 1.1 is 880.0000000000001 in floating point, and would round up to 881.
    floor_minor: Math.ceil((cost * (100 + MINIMUM_MARGIN_PERCENT)) / 100),
    basis: "cost_plus_margin",
    detail: `standard cost ${fromMinor(toMinor(item.standard_cost))} plus ${MINIMUM_MARGIN_PERCENT}% margin`,
  };
}
