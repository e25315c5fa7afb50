import type { Item, PriceAgreement } from "../../modules/records/index.ts";
import { fromMinor, toMinor } from "../shared/money.ts";

/** Below cost plus this margin, a price needs a manager (absent a contract price). */
export const MINIMUM_MARGIN = 0.1;

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
    floor_minor: Math.ceil(cost * (1 + MINIMUM_MARGIN)),
    basis: "cost_plus_margin",
    detail: `standard cost ${fromMinor(toMinor(item.standard_cost))} plus ${MINIMUM_MARGIN * 100}% margin`,
  };
}
