import type { Item, ItemXref, Records } from "../../records/index.ts";
import { type Catalogue, type CatalogueRecords, catalogueFromRecords } from "./catalogue.ts";

/** How long a tenant's catalogue is used before it is read again (items change seldom; a new one is known within this). */
const FRESH_FOR_MS = 5 * 60_000;
/** More records than this of a type are not read: a catalogue of the first ones repairs what it can. */
const MOST_RECORDS = 200_000;
const PAGE = 1000;

async function listAll<T extends "item" | "item_xref">(records: Records, tenantId: string, type: T, include?: string) {
  const all: (T extends "item" ? Item : ItemXref)[] = [];
  let cursor: string | undefined;
  do {
    const page = await records.list(tenantId, type, {
      limit: PAGE,
      ...(cursor ? { cursor } : {}),
      ...(include ? { include } : {}),
    });
    all.push(...(page.data as (T extends "item" ? Item : ItemXref)[]));
    cursor = page.next_cursor ?? undefined;
  } while (cursor && all.length < MOST_RECORDS);
  return all;
}

/**
 * A tenant's catalogue, read from its items and cross-references and kept for a few minutes per
 * tenant (a file of fifty OCR'd pages reads it once); two reads for one tenant at once share one.
 */
export function createCatalogues(records: Records, now: () => number = Date.now) {
  const kept = new Map<string, { at: number; catalogue: Promise<Catalogue> }>();
  return async function catalogueFor(tenantId: string): Promise<Catalogue> {
    const entry = kept.get(tenantId);
    if (entry && now() - entry.at < FRESH_FOR_MS) return entry.catalogue;
    // Tenants whose documents stopped coming do not keep their catalogues in memory.
    for (const [id, old] of kept) if (now() - old.at >= FRESH_FOR_MS) kept.delete(id);
    const catalogue = (async () => {
      const [items, xrefs] = await Promise.all([
        listAll(records, tenantId, "item", "uom_conversions"),
        listAll(records, tenantId, "item_xref"),
      ]);
      return catalogueFromRecords({ items, xrefs } as CatalogueRecords);
    })();
    kept.set(tenantId, { at: now(), catalogue });
    // A read that failed is not kept: the next document asks again.
    catalogue.catch(() => kept.delete(tenantId));
    return catalogue;
  };
}
