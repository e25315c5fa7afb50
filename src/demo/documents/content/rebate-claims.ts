import type { RecordInput } from "../../../modules/records/index.ts";
import type { Random } from "../../random.ts";
import { extend, type Micros, roundMicros, sumMicros, toMicros } from "../decimal.ts";
import type { WorldIndex } from "../world-index.ts";
import { companyParty, supplierParty } from "./party.ts";
import { personName } from "./people.ts";
import type { RebateClaimContent, RebateClaimLine } from "./rebate-claim.ts";
import { sourceOf } from "./source.ts";

type Period = { start: string; end: string; label: string };
type Tally = { quantity: Micros; sales: Micros; first: RecordInput<"price_agreement"> | null; customerExternalId: string | null };

const CLOSED = new Set(["draft", "cancelled"]);

/**
 * Every rebate claim the distributor could file from its sales: ship-and-debit claims for sales at
 * contract prices a supplier funds (price agreements naming a rebate supplier), and volume rebates on
 * a supplier's program items. One claim per supplier, program and calendar quarter, filed two weeks
 * after the quarter, if that is within the world's history.
 */
export function rebateClaimsOf(index: WorldIndex, random: Random, partners: Random): RebateClaimContent[] {
  const { world } = index;
  const periods = quarters(world.start, world.end);
  const agreements = new Map<string, RecordInput<"price_agreement">[]>();
  for (const agreement of world.records.price_agreement) {
    if (!agreement.rebate_supplier_external_id || agreement.status === "cancelled") continue;
    const key = `${agreement.customer_external_id}|${agreement.item_external_id}`;
    agreements.set(key, [...(agreements.get(key) ?? []), agreement]);
  }
  const programItems = new Map<string, Set<string>>();
  for (const supplier of world.records.supplier) {
    const items = world.records.item.filter((item) => item.preferred_supplier_external_id === supplier.external_id);
    programItems.set(
      supplier.external_id,
      new Set(
        random
          .fork(`program:${supplier.external_id}`)
          .sample(items, 25)
          .map((item) => item.external_id),
      ),
    );
  }
  const itemSupplier = new Map(world.records.item.map((item) => [item.external_id, item.preferred_supplier_external_id ?? null]));

  // claim key → line key → tally
  const tallies = new Map<string, Map<string, Tally>>();
  const add = (
    claimKey: string,
    lineKey: string,
    quantity: Micros,
    sales: Micros,
    agreement: Tally["first"],
    customer: string | null,
  ) => {
    const lines = tallies.get(claimKey) ?? new Map<string, Tally>();
    const tally = lines.get(lineKey) ?? { quantity: 0n, sales: 0n, first: agreement, customerExternalId: customer };
    tally.quantity += quantity;
    tally.sales += sales;
    lines.set(lineKey, tally);
    tallies.set(claimKey, lines);
  };
  for (const order of world.records.sales_order) {
    if (CLOSED.has(order.status)) continue;
    const period = periods.find((candidate) => order.order_date >= candidate.start && order.order_date <= candidate.end);
    if (!period) continue;
    for (const line of order.lines ?? []) {
      if (line.status === "cancelled") continue;
      const quantity = toMicros(line.quantity);
      const sales = extend(quantity, toMicros(line.unit_price));
      const agreement = (agreements.get(`${order.customer_external_id}|${line.item_external_id}`) ?? []).find(
        (candidate) =>
          candidate.uom === line.uom &&
          candidate.valid_from <= order.order_date &&
          (!candidate.valid_to || candidate.valid_to >= order.order_date),
      );
      if (agreement?.rebate_supplier_external_id) {
        const claimKey = `ship_and_debit|${agreement.rebate_supplier_external_id}|${period.label}`;
        add(claimKey, `${agreement.external_id}|${line.uom}`, quantity, sales, agreement, order.customer_external_id);
        continue;
      }
      const supplier = itemSupplier.get(line.item_external_id);
      if (supplier && programItems.get(supplier)?.has(line.item_external_id)) {
        add(`volume_rebate|${supplier}|${period.label}`, `${line.item_external_id}|${line.uom}`, quantity, sales, null, null);
      }
    }
  }

  const claims: RebateClaimContent[] = [];
  for (const [claimKey, lines] of tallies) {
    const [program, supplierId = "", label = ""] = claimKey.split("|") as [RebateClaimContent["program"], string, string];
    const supplier = index.suppliers.get(supplierId);
    const period = periods.find((candidate) => candidate.label === label);
    if (!supplier || !period) continue;
    const habits = partners.fork(supplier.external_id);
    const volumeRate = 0.02 + habits.fork("volume-rate").int(0, 3) / 100;
    const claimLines = [...lines.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([lineKey, tally]): RebateClaimLine => {
        const [, uom = ""] = lineKey.split("|");
        const itemId = tally.first?.item_external_id ?? lineKey.split("|")[0] ?? "";
        const item = index.items.get(itemId);
        const customer = tally.customerExternalId ? index.customers.get(tally.customerExternalId) : undefined;
        const rate = tally.first ? 0.08 + habits.fork(`support:${tally.first.external_id}`).int(0, 7) / 100 : volumeRate;
        const averagePrice = tally.quantity > 0n ? (tally.sales * 1_000_000n) / tally.quantity : 0n;
        const basis = tally.first ? toMicros(tally.first.contract_price) : averagePrice;
        const rebatePerUnit = roundMicros((basis * BigInt(Math.round(rate * 10_000))) / 10_000n, 4);
        return {
          itemExternalId: itemId,
          sku: item?.sku ?? itemId,
          supplierPartNumber:
            index.supplierParts.get(`${supplier.external_id}|${itemId}`)?.part_number ?? item?.manufacturer_part_number ?? null,
          description: item?.name ?? "",
          endCustomer: customer?.name ?? null,
          endCustomerExternalId: customer?.external_id ?? null,
          agreementNumber: tally.first ? (tally.first.agreement_number ?? tally.first.external_id) : null,
          quantity: tally.quantity,
          uom,
          rebatePerUnit,
          amount: extend(tally.quantity, rebatePerUnit),
        };
      })
      .filter((line) => line.amount > 0n);
    if (claimLines.length === 0) continue;
    const claimDate = addDays(period.end, 15);
    if (claimDate > world.end) continue;
    const first = lines.values().next().value?.first;
    claims.push({
      source: first ? sourceOf("price_agreement", first) : sourceOf("supplier", supplier),
      supplierExternalId: supplier.external_id,
      program,
      claimNumber: `${program === "ship_and_debit" ? "SD" : "VR"}-${label.replace("-", "")}-${supplier.code
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, "")
        .slice(0, 6)}`,
      claimDate,
      periodStart: period.start,
      periodEnd: period.end,
      supplier: supplierParty(supplier),
      distributor: companyParty(world.company),
      distributorAccount: String(habits.fork("account").int(100_000, 999_999)),
      contact: personName(random.fork("rebate-analyst")),
      lines: claimLines,
      total: sumMicros(claimLines.map((line) => line.amount)),
    });
  }
  return claims.sort((a, b) => (a.claimNumber < b.claimNumber ? -1 : a.claimNumber > b.claimNumber ? 1 : 0));
}

function quarters(start: string, end: string): Period[] {
  const periods: Period[] = [];
  let year = Number(start.slice(0, 4));
  let quarter = Math.floor((Number(start.slice(5, 7)) - 1) / 3);
  for (;;) {
    const startMonth = quarter * 3 + 1;
    const periodStart = `${year}-${String(startMonth).padStart(2, "0")}-01`;
    const periodEnd = addDays(
      `${quarter === 3 ? year + 1 : year}-${String(quarter === 3 ? 1 : startMonth + 3).padStart(2, "0")}-01`,
      -1,
    );
    if (periodStart > end) break;
    if (periodStart >= start) periods.push({ start: periodStart, end: periodEnd, label: `${year}-Q${quarter + 1}` });
    quarter = (quarter + 1) % 4;
    if (quarter === 0) year++;
  }
  return periods;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
