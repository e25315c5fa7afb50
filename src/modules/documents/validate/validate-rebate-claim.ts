import type { Item, PriceAgreement, Records } from "../../records/index.ts";
import type { DocumentCheck } from "../extract/read-document.ts";
import { checkSupplier } from "./find-party.ts";
import type { ReadValues, RecordMatches, Validation } from "./tolerances.ts";

const money = (value: string | undefined) => {
  const amount = Number(value ?? Number.NaN);
  return Number.isFinite(amount) ? amount.toFixed(2) : null;
};

/**
 * A rebate claim against the records: the supplier it is submitted to is one Crossdock knows; each
 * line's item is ours (by our item number); and a line that names a special-pricing agreement
 * (ship and debit) names one in the records, for that item, funded by that supplier and not
 * cancelled — a claim on someone else's agreement would be refused by the supplier. A failed line
 * puts its amount at stake.
 */
export async function validateRebateClaim(records: Records, tenantId: string, document: ReadValues): Promise<Validation> {
  const checks: DocumentCheck[] = [];
  const matches: RecordMatches = { source_system: null, line_items: document.lines.map(() => null) };
  const { supplier, check } = await checkSupplier(records, tenantId, document, matches, money(document.fields.total));
  if (check) checks.push(check);
  if ((await records.list(tenantId, "item", { limit: 1 })).data.length === 0) return { checks, matches };
  for (const [index, line] of document.lines.entries()) {
    const label = `line ${line.line_number ?? index + 1}`;
    const atStake = money(line.amount);
    const sku = line.item_number?.trim();
    const [item] = sku ? ((await records.list(tenantId, "item", { sku, limit: 1 })).data as Item[]) : [];
    checks.push({
      check: `${label} item is known`,
      passed: item !== undefined,
      expected: "one of our items",
      found: item ? `${item.sku} (${item.external_id})` : sku ? `no item ${sku}` : "no item number",
      at_stake: item ? null : atStake,
    });
    if (!item) continue;
    matches.line_items[index] = item.external_id;
    const agreementNumber = line.agreement_number?.trim();
    if (!agreementNumber) continue;
    // An agreement number covers many items (one price agreement record each): the item's, else any.
    const [forItem] = (
      await records.list(tenantId, "price_agreement", {
        agreement_number: agreementNumber,
        item_external_id: item.external_id,
        limit: 1,
      })
    ).data as PriceAgreement[];
    const agreement =
      forItem ??
      ((await records.list(tenantId, "price_agreement", { agreement_number: agreementNumber, limit: 1 })).data[0] as
        | PriceAgreement
        | undefined);
    const problems = !agreement
      ? "no such agreement"
      : agreement.item_external_id !== item.external_id
        ? `agreement ${agreementNumber} is for ${agreement.item_external_id}`
        : agreement.status === "cancelled"
          ? `agreement ${agreementNumber} is cancelled`
          : supplier && agreement.rebate_supplier_external_id !== supplier.external_id
            ? `agreement ${agreementNumber} is funded by ${agreement.rebate_supplier_external_id ?? "no supplier"}`
            : null;
    checks.push({
      check: `${label} agreement is the supplier's`,
      passed: problems === null,
      expected: `agreement ${agreementNumber} for ${item.sku}, funded by ${supplier?.name ?? "the supplier"}`,
      found: problems ?? `agreement ${agreementNumber}`,
      at_stake: problems === null ? null : atStake,
    });
  }
  return { checks, matches };
}
