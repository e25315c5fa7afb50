/** An item as documents may print it: every part number it goes by, every description, and its units. */
export type CatalogueItem = { itemId: string; codes: string[]; descriptions: string[]; units: string[] };

/** An entry of a catalogue's lookup: one code or description of one item. */
type Entry = { text: string; shown: string; item: number };

/**
 * The tenant's items as printed on documents (their SKUs and names, and the part numbers and
 * descriptions customers and suppliers use for them), with a trigram index over each so a misread
 * code or description finds its few likely originals without comparing it with every item.
 */
export type Catalogue = {
  items: CatalogueItem[];
  /** Each code (as `codeKey` writes it) with the items it names, as the catalogue writes it. */
  codes: Map<string, { items: number[]; shown: string }>;
  codeEntries: Entry[];
  descriptionEntries: Entry[];
  codeTrigrams: Map<string, number[]>;
  descriptionTrigrams: Map<string, number[]>;
};

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();
/** A code compared as OCR leaves it: capitals, no spaces. */
export const codeKey = (code: string) => code.toUpperCase().replace(/\s+/g, "");

function trigramsOf(text: string): Set<string> {
  const padded = ` ${text.toLowerCase()} `;
  const grams = new Set<string>();
  for (let index = 0; index + 3 <= padded.length; index++) grams.add(padded.slice(index, index + 3));
  return grams;
}

function indexEntries(entries: Entry[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (const [at, entry] of entries.entries()) {
    for (const gram of trigramsOf(entry.text)) {
      const list = index.get(gram);
      if (list) list.push(at);
      else index.set(gram, [at]);
    }
  }
  return index;
}

export function catalogueOf(items: CatalogueItem[]): Catalogue {
  const codes: Catalogue["codes"] = new Map();
  const codeEntries: Entry[] = [];
  const descriptionEntries: Entry[] = [];
  for (const [at, item] of items.entries()) {
    for (const shown of new Set(item.codes.map((code) => code.trim()).filter(Boolean))) {
      const key = codeKey(shown);
      const known = codes.get(key);
      if (known) known.items.push(at);
      else codes.set(key, { items: [at], shown });
      codeEntries.push({ text: key, shown, item: at });
    }
    for (const description of new Set(item.descriptions.map(collapse).filter(Boolean)))
      descriptionEntries.push({ text: description, shown: description, item: at });
  }
  return {
    items,
    codes,
    codeEntries,
    descriptionEntries,
    codeTrigrams: indexEntries(codeEntries),
    descriptionTrigrams: indexEntries(descriptionEntries),
  };
}

/** The entries sharing the most trigrams with `text`, at most `limit`: the ones worth an exact comparison. */
export function likelyEntries(catalogue: Catalogue, kind: "code" | "description", text: string, limit = 40): Entry[] {
  const entries = kind === "code" ? catalogue.codeEntries : catalogue.descriptionEntries;
  const index = kind === "code" ? catalogue.codeTrigrams : catalogue.descriptionTrigrams;
  const shared = new Map<number, number>();
  for (const gram of trigramsOf(text)) for (const at of index.get(gram) ?? []) shared.set(at, (shared.get(at) ?? 0) + 1);
  return [...shared]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([at]) => entries[at] as Entry);
}

/** The fields of the records a catalogue is made from. */
export type CatalogueRecords = {
  items: { external_id: string; sku: string; name: string; base_uom: string; uom_conversions?: { uom: string }[] | null }[];
  xrefs: { item_external_id: string; part_number: string; description?: string | null; uom?: string | null }[];
};

/** A catalogue of the tenant's items and their cross-references (a cross-reference to an item not listed is left out). */
export function catalogueFromRecords(records: CatalogueRecords): Catalogue {
  const byId = new Map<string, CatalogueItem>();
  for (const item of records.items) {
    byId.set(item.external_id, {
      itemId: item.external_id,
      codes: [item.sku],
      descriptions: [item.name],
      units: [item.base_uom, ...(item.uom_conversions ?? []).map((unit) => unit.uom)].map((unit) => unit.toUpperCase()),
    });
  }
  for (const xref of records.xrefs) {
    const item = byId.get(xref.item_external_id);
    if (!item) continue;
    item.codes.push(xref.part_number);
    if (xref.description) item.descriptions.push(xref.description);
    if (xref.uom && !item.units.includes(xref.uom.toUpperCase())) item.units.push(xref.uom.toUpperCase());
  }
  return catalogueOf([...byId.values()]);
}
