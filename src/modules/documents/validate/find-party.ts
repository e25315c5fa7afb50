import type { Customer, Records, Supplier } from "../../records/index.ts";
import { bestByName } from "./match-name.ts";

/**
 * The customer or supplier in the records most like a printed name (searched by its first word of
 * three letters or more, then compared whole), and whether the tenant has any of them at all: a
 * tenant without suppliers in Crossdock has nobody to match against.
 */
export async function findParty<T extends "customer" | "supplier">(
  records: Records,
  tenantId: string,
  type: T,
  name: string,
): Promise<{ party: (T extends "customer" ? Customer : Supplier) | null; known: boolean }> {
  const word = name.split(/\s+/).find((part) => part.length >= 3) ?? name;
  const candidates = (await records.list(tenantId, type, { q: word.slice(0, 64), limit: 50 })).data as (Customer | Supplier)[];
  const known = candidates.length > 0 || (await records.list(tenantId, type, { limit: 1 })).data.length > 0;
  return { party: (bestByName(name, candidates)?.record ?? null) as (T extends "customer" ? Customer : Supplier) | null, known };
}
