import type { Customer, Records, Supplier } from "../../records/index.ts";
import type { DocumentCheck } from "../extract/read-document.ts";
import { bestByName } from "./match-name.ts";
import type { ReadValues, RecordMatches } from "./tolerances.ts";

/**
 * The customer or supplier in the records most like a printed name (searched by its first word of
 * three letters or more, then compared whole), and whether the tenant has any of them at all: a
 * tenant without suppliers in Crossdock has nobody to match against. A `brand` (the name a seller
 * trades under, "Otherway") also names the one party whose name begins with it ("Otherway Metals").
 */
export async function findParty<T extends "customer" | "supplier">(
  records: Records,
  tenantId: string,
  type: T,
  name: string,
  options: { brand?: boolean } = {},
): Promise<{ party: (T extends "customer" ? Customer : Supplier) | null; known: boolean }> {
  const word = name.split(/\s+/).find((part) => part.length >= 3) ?? name;
  const candidates = (await records.list(tenantId, type, { q: word.slice(0, 64), limit: 50 })).data as (Customer | Supplier)[];
  const known = candidates.length > 0 || (await records.list(tenantId, type, { limit: 1 })).data.length > 0;
  const first = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}&]+/u)[0];
  const branded = options.brand ? candidates.filter((candidate) => first(candidate.name) === first(name)) : [];
  const party = bestByName(name, candidates)?.record ?? (branded.length === 1 ? branded[0] : null) ?? null;
  return { party: party as (T extends "customer" ? Customer : Supplier) | null, known };
}

/**
 * Who sent it: the supplier in the records most like the printed legal name, else like the name it
 * trades under (`supplier_trade_name`: Flipkart for WS Retail Services), when the tenant has suppliers.
 */
export async function matchSupplier(records: Records, tenantId: string, legal: string | undefined, trading: string | undefined) {
  let known = false;
  for (const [name, brand] of [
    [legal, false],
    [trading, true],
  ] as const) {
    if (!name) continue;
    const { party, known: has } = await findParty(records, tenantId, "supplier", name, { brand });
    known ||= has;
    if (party) return { supplier: party, known };
  }
  return { supplier: null, known };
}

/**
 * A supplier's document's sender in the records (`matchSupplier` on its printed legal and trade
 * names), put in `matches`, and the "supplier is known" check where the tenant has suppliers and
 * the document names one (`atStake` at stake when it fails).
 */
export async function checkSupplier(
  records: Records,
  tenantId: string,
  document: ReadValues,
  matches: RecordMatches,
  atStake: string | null,
): Promise<{ supplier: Supplier | null; check: DocumentCheck | null }> {
  const named = document.fields.supplier_name;
  const { supplier, known } = await matchSupplier(records, tenantId, named, document.fields.supplier_trade_name);
  if (supplier) Object.assign(matches, { source_system: supplier.source_system, supplier_external_id: supplier.external_id });
  if (!known || !named) return { supplier, check: null };
  return {
    supplier,
    check: {
      check: "supplier is known",
      passed: supplier !== null,
      expected: `a supplier in the records named like "${named}"`,
      found: supplier ? `${supplier.name} (${supplier.external_id})` : "no such supplier",
      at_stake: supplier ? null : atStake,
    },
  };
}
