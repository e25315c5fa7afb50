import type { Random } from "../random.ts";
import { agreementsInForce } from "./contracts/contract-pricing.ts";
import type { KnowledgeSizes } from "./scale.ts";
import { compare, type Row, type WorldIndex } from "./world-index.ts";

const DORMANT = new Set(["inactive", "prospect"]);

/**
 * The customers with a contract on file: key accounts first, then others, preferring those with
 * contract prices in force (their agreements are what the contract's pricing must match).
 */
export function chooseContractCustomers(
  index: WorldIndex,
  sizes: KnowledgeSizes,
  random: Random,
): { customer: Row<"customer">; keyAccount: boolean }[] {
  const keyIds = new Set(index.world.truth.keyAccounts);
  const live = [...index.customers.values()].filter((customer) => !DORMANT.has(customer.status ?? ""));
  const keys = random.sample(
    live.filter((customer) => keyIds.has(customer.external_id)),
    sizes.keyAccountContracts,
  );
  const others = live.filter((customer) => !keyIds.has(customer.external_id));
  const priced = others.filter((customer) => agreementsInForce(index, customer.external_id).length > 0);
  const unpriced = others.filter((customer) => agreementsInForce(index, customer.external_id).length === 0);
  // One customer without contract prices, when there is one, so pricing from price lists and list price is covered too.
  const unpricedPlaces = unpriced.length > 0 ? 1 : 0;
  const chosenPriced = random.sample(priced, Math.max(0, sizes.otherContracts - unpricedPlaces));
  const chosenOthers = [...chosenPriced, ...random.sample(unpriced, sizes.otherContracts - chosenPriced.length)];
  const byId = (a: Row<"customer">, b: Row<"customer">) => compare(a.external_id, b.external_id);
  return [
    ...keys.sort(byId).map((customer) => ({ customer, keyAccount: true })),
    ...chosenOthers.sort(byId).map((customer) => ({ customer, keyAccount: false })),
  ];
}

/** The suppliers with an agreement on file: active ones that the distributor buys items from. */
export function chooseSuppliers(index: WorldIndex, sizes: KnowledgeSizes, random: Random): Row<"supplier">[] {
  const active = [...index.suppliers.values()].filter(
    (supplier) => supplier.status !== "inactive" && (index.itemsBySupplier.get(supplier.external_id)?.length ?? 0) > 0,
  );
  return random.sample(active, sizes.supplierAgreements).sort((a, b) => compare(a.external_id, b.external_id));
}
