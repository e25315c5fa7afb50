import type { DocumentKind } from "../classify/document-kinds.ts";
import { misreadOf, ocrDistance } from "./fuzzy-phrase.ts";

/** What a column of a document's line table holds, by the truth's and the records' names. */
export type LineField =
  | "line_number"
  | "part_number"
  | "customer_part_number"
  | "vendor_part_number"
  | "buyer_part_number"
  | "supplier_part_number"
  | "item_number"
  | "description"
  | "quantity"
  | "quantity_ordered"
  | "quantity_backordered"
  | "uom"
  | "unit_price"
  | "discount"
  | "tax_rate"
  | "amount"
  | "requested_date"
  | "agreement_number"
  | "end_customer"
  | "rebate_per_unit"
  | "handling_units"
  | "handling_unit_type"
  | "weight"
  | "hazmat"
  | "freight_class"
  | "nmfc";

/** A header's words, lower case, punctuation and spacing folded: "Unit-Cost" → "unit cost", "Qty." → "qty", "HM (X)" → "hm x". */
export const foldHeader = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#%/]+/gu, " ")
    .trim();

/** The header phrases (folded) that name each field. A header cell is read as whole phrases of these. */
const PHRASES: Record<LineField, string[]> = {
  line_number: ["ln", "line", "line no", "line #", "pos", "#", "no"],
  part_number: [
    "item",
    "item number",
    "item no",
    "item #",
    "part",
    "part no",
    "part #",
    "part number",
    "sku",
    "product",
    "product code",
    "code",
    "catalog #",
    "catalog no",
    "catalog number",
    "cat no",
    "material",
    "article",
  ],
  customer_part_number: [
    "our item",
    "our item #",
    "our part",
    "our part #",
    "cust item",
    "cust item #",
    "cust part",
    "cust part #",
    "customer item",
    "customer item #",
    "customer part",
    "customer part #",
    "your item",
    "your item #",
    "your part",
    "your part #",
    "buyer part",
  ],
  vendor_part_number: [
    "vendor item",
    "vendor item #",
    "vendor part",
    "vendor part #",
    "mfr/vendor item",
    "mfr part",
    "mfr part #",
    "manufacturer part",
    "supplier item",
    "supplier part",
    "mfg part",
  ],
  buyer_part_number: [],
  supplier_part_number: [],
  item_number: [],
  description: [
    "description",
    "desc",
    "item description",
    "product description",
    "commodity description",
    "commodity",
    "artikel",
    "omschrijving",
    "bezeichnung",
    "beschreibung",
    "désignation",
    "designation",
    "libellé",
  ],
  quantity: [
    "qty",
    "quantity",
    "qty sold",
    "qty shipped",
    "shipped",
    "quantity shipped",
    "aantal",
    "menge",
    "anzahl",
    "quantité",
    "qté",
    "nombre",
  ],
  quantity_ordered: ["ord qty", "qty ordered", "ordered", "quantity ordered", "qty ord", "order qty"],
  quantity_backordered: ["backordered", "back ordered", "backorder", "b/o", "qty b/o", "qty backordered", "bo qty"],
  uom: ["unit", "uom", "um", "u/m", "units", "unit of measure"],
  unit_price: [
    "unit price",
    "price",
    "unit cost",
    "cost",
    "rate",
    "each",
    "price each",
    "net price",
    "prijs per stuk",
    "stukprijs",
    "einzelpreis",
    "stückpreis",
    "prix unitaire",
    "p u ht",
    "pu ht",
  ],
  discount: ["disc", "discount", "disc %", "discount %", "rabatt", "rabatt %", "korting", "remise"],
  // A line's tax: a rate ("21%") under these, or the tax's amount where the cell has no percent sign.
  tax_rate: [
    "tax",
    "taxes",
    "tax %",
    "tax rate",
    "vat",
    "vat %",
    "vat rate",
    "gst",
    "gst %",
    "btw",
    "btw %",
    "mwst",
    "mwst %",
    "ust",
    "ust %",
    "tva",
    "tva %",
  ],
  amount: [
    "amount",
    "extended",
    "ext cost",
    "ext price",
    "extension",
    "line total",
    "total",
    "net amount",
    "value",
    "bedrag",
    "prijs incl btw",
    "montant",
    "montant ht",
    "betrag",
    "gesamtpreis",
    "gesamt",
  ],
  requested_date: ["req date", "required", "need by", "delivery date", "due date", "date required"],
  agreement_number: ["agreement", "agreement #", "agreement no", "contract"],
  end_customer: ["end customer"],
  rebate_per_unit: ["rebate/unit", "rebate per unit", "rebate unit", "rebate"],
  handling_units: ["h u qty", "hu qty", "handling units", "handling unit qty", "pieces", "pcs"],
  handling_unit_type: ["type", "pkg type", "package type"],
  weight: ["weight", "weight lb", "weight kg", "wt", "gross weight"],
  hazmat: ["hm", "hm x", "hazmat"],
  freight_class: ["class", "freight class"],
  nmfc: ["nmfc", "nmfc #"],
};

const FIELD_OF = new Map<string, LineField>();
for (const [field, phrases] of Object.entries(PHRASES) as [LineField, string[]][])
  for (const phrase of phrases) FIELD_OF.set(phrase, field);
const LONGEST = Math.max(...[...FIELD_OF.keys()].map((phrase) => phrase.split(" ").length));

export function headerField(text: string): LineField | null {
  return FIELD_OF.get(foldHeader(text)) ?? null;
}

/** The field whose phrase `folded` is, or (when `tolerant`, for OCR'd text) the one it is a misreading of; and whether misread. */
function fieldOf(folded: string, tolerant: boolean): { field: LineField; misread: boolean } | null {
  const exact = FIELD_OF.get(folded);
  if (exact) return { field: exact, misread: false };
  if (!tolerant) return null;
  let best: { field: LineField; distance: number } | null = null;
  for (const [phrase, field] of FIELD_OF) {
    if (!misreadOf(folded, phrase)) continue;
    const distance = ocrDistance(folded, phrase);
    if (!best || distance < best.distance) best = { field, distance };
  }
  return best ? { field: best.field, misread: true } : null;
}

/**
 * A header cell's words read as the fewest whole phrases that cover most of them: "Qty Sold UOM"
 * is quantity and unit of measure, "Unit Price" one phrase (not unit and price), "LN ITEM-NUMBER"
 * (one space in a monospaced header) line number and item. Words no phrase covers are left out.
 * `tolerant` (OCR'd text) also takes a word for a phrase it is a likely misreading of ("Oty" for
 * Qty, "Hem" for Item), marked `misread`, when no phrase covers it as read.
 */
export function headerPhrases<W extends { text: string }>(
  words: W[],
  options: { tolerant?: boolean } = {},
): { field: LineField; words: W[]; misread: boolean }[] {
  const folded = words.map((word) => foldHeader(word.text).split(" ").filter(Boolean));
  type Reading = {
    covered: number;
    misread: number;
    segments: number;
    phrases: { field: LineField; words: W[]; misread: boolean }[];
  };
  // best[i]: the best reading of words i…end: most words covered, then fewest misread, then fewest phrases.
  const best: Reading[] = Array(words.length + 1);
  best[words.length] = { covered: 0, misread: 0, segments: 0, phrases: [] };
  for (let start = words.length - 1; start >= 0; start--) {
    let choice: Reading = { ...(best[start + 1] as Reading) };
    for (let end = start + 1; end <= Math.min(words.length, start + LONGEST); end++) {
      const found = fieldOf(folded.slice(start, end).flat().join(" "), options.tolerant === true);
      if (!found) continue;
      const rest = best[end] as Reading;
      const reading: Reading = {
        covered: rest.covered + (end - start),
        misread: rest.misread + (found.misread ? 1 : 0),
        segments: rest.segments + 1,
        phrases: [{ field: found.field, words: words.slice(start, end), misread: found.misread }, ...rest.phrases],
      };
      if (
        reading.covered > choice.covered ||
        (reading.covered === choice.covered &&
          (reading.misread < choice.misread || (reading.misread === choice.misread && reading.segments < choice.segments)))
      )
        choice = reading;
    }
    best[start] = choice;
  }
  return (best[0] as Reading).phrases;
}

/**
 * What a header's columns hold, where that depends on the document and its other columns. Whose
 * numbers the part-number columns are, by who wrote the document. A customer's PO calls its
 * own numbers "our" or "customer" ones and ours "vendor" ones; a supplier's invoice calls ours
 * "your" and its own plain "item". A plain "Item" or "Part" column is the writer's counterpart's
 * number unless another column already names that one.
 */
export function resolvePartColumns(kind: DocumentKind, fields: (LineField | null)[]): (LineField | null)[] {
  const issuedToUs = kind === "purchase_order";
  const named = new Set(fields);
  return fields.map((field) => {
    // "Ordered" is the line's quantity unless the table also prints what was shipped (a packing slip's, an invoice's billed quantity).
    if (field === "quantity_ordered") return named.has("quantity") ? field : "quantity";
    if (kind === "rebate_claim") {
      if (field === "part_number") return "item_number";
      if (field === "vendor_part_number") return "supplier_part_number";
      return field;
    }
    if (issuedToUs) {
      if (field === "part_number") return named.has("vendor_part_number") ? "customer_part_number" : "vendor_part_number";
      return field;
    }
    // Written by a supplier to us: "your"/"customer" numbers are ours as the buyer.
    if (field === "customer_part_number") return "buyer_part_number";
    if (field === "part_number" || field === "vendor_part_number") return "supplier_part_number";
    return field;
  });
}
