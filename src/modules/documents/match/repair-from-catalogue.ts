import type { ExtractedLine, ExtractedValue } from "../extract/extracted.ts";
import { type Catalogue, codeKey, likelyEntries } from "./catalogue.ts";
import { bestPrefix, ocrDistance } from "./ocr-distance.ts";

/** A code misread by more than this share of its characters (and never by more than 2) is left as read. */
const CODE_SHARE = 0.25;
/** A code misread by more than this share of its characters is left as read, even when the description names its item. */
const DESCRIBED_CODE_SHARE = 0.35;
/** A description misread by more than this share of its characters is left as read: by 0.3 of them when its item is known. */
const DESCRIPTION_SHARE = { anyItem: 0.2, itsItem: 0.3 };

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** What a repair changed on a line, for the reviewer: the field, as OCR read it, as the catalogue has it. */
export type Repair = { line: number; field: string; read: string; repaired: string };

type Choice = { text: string; item: number; cost: number };

/**
 * The one choice clearly nearest: its cost within `allowed`, and every choice that would read
 * otherwise at least a whole character further (a confusable misreading away is not clear).
 */
function clearlyNearest(choices: Choice[], allowed: number): Choice | null {
  const sorted = [...choices].sort((a, b) => a.cost - b.cost);
  const best = sorted[0];
  if (!best || best.cost > allowed) return null;
  const rival = sorted.find((choice) => choice.text !== best.text);
  return rival && rival.cost - best.cost < 1 ? null : best;
}

function repairCode(catalogue: Catalogue, read: string): Choice | null {
  const key = codeKey(read);
  const known = catalogue.codes.get(key);
  if (known) return { text: known.shown, item: known.items[0] as number, cost: 0 };
  const choices = likelyEntries(catalogue, "code", key).map((entry) => ({
    text: entry.shown,
    item: entry.item,
    cost: ocrDistance(key, entry.text),
  }));
  return clearlyNearest(choices, Math.min(2, Math.max(1, key.length * CODE_SHARE)));
}

/**
 * How near `text` is to each entry: to its start when the text may have been cut short by its
 * column, else to all of it unless a start is more than a character and a half nearer (a letter
 * OCR lost at the end is a letter lost, not a cut).
 */
function nearestDescriptions(entries: { text: string; item: number }[], text: string, mayBeCut: boolean): Choice[] {
  return entries.map((entry) => {
    const near = bestPrefix(text, entry.text);
    const whole = !mayBeCut && near.wholeCost <= near.cost + 1.5;
    return whole
      ? { text: entry.text, item: entry.item, cost: near.wholeCost }
      : { text: entry.text.slice(0, near.length).trimEnd(), item: entry.item, cost: near.cost };
  });
}

/**
 * The description `read` stands for: among its item's (when its code named one) or all; itself
 * when it is one item's already; none when another item's description is clearly nearer than its
 * own item's (the code and the description disagree: a person should see both as printed).
 */
function repairDescription(catalogue: Catalogue, read: string, item: number | null, mayBeCut: boolean): Choice | null {
  const text = collapse(read);
  if (text.length < 6) return null;
  const anywhere = nearestDescriptions(likelyEntries(catalogue, "description", text), text, mayBeCut);
  const exact = anywhere.filter((choice) => choice.cost === 0);
  if (exact.length > 0) return exact.every((choice) => choice.item === exact[0]?.item) ? (exact[0] as Choice) : null;
  if (item === null) return clearlyNearest(anywhere, text.length * DESCRIPTION_SHARE.anyItem);
  const own = nearestDescriptions(
    (catalogue.items[item]?.descriptions ?? []).map((description) => ({ text: collapse(description), item })),
    text,
    mayBeCut,
  );
  const found = clearlyNearest(own, text.length * DESCRIPTION_SHARE.itsItem);
  const elsewhere = Math.min(...anywhere.filter((choice) => choice.item !== item).map((choice) => choice.cost));
  return found && found.cost <= elsewhere ? found : null;
}

/** The value `value` would hold repaired to `text`, as sure as the repair is. */
function repaired(value: ExtractedValue, text: string, cost: number): ExtractedValue {
  const sureness = Math.max(0, 1 - cost / Math.max(1, text.length));
  return { ...value, value: text, confidence: Math.max(value.confidence, Math.min(0.95, sureness)) };
}

/**
 * OCR'd line items mended from what the tenant's items are called: a part number that is no known
 * code but clearly near one (its characters misread, "MIS-FAS-1OO56") is read as that code; a
 * description near one of its item's descriptions (or, with no item, clearly nearest one of all)
 * is read as it, as far as the document printed it (a description cut short stays as short); a
 * unit the item does not have but one of its units clearly is, as that unit. A value is never
 * made up: each repair stands for something printed, and `printed` keeps what OCR read. Text
 * layers are read exactly: call this for OCR'd documents only. Returns the lines and what changed.
 */
export function repairFromCatalogue(lines: ExtractedLine[], catalogue: Catalogue): { lines: ExtractedLine[]; repairs: Repair[] } {
  const repairs: Repair[] = [];
  // A description the column cut short runs to the column's right edge, where the longest end.
  const edge = Math.max(...lines.map((line) => line.fields.description?.location.box.x1 ?? Number.NEGATIVE_INFINITY));
  const reachesTheEdge = (value: ExtractedValue) => {
    const { x1, y0, y1 } = value.location.box;
    return x1 >= edge - Math.max(1, y1 - y0);
  };
  const out = lines.map((line, index) => {
    const fields = { ...line.fields };
    const change = (field: string, value: ExtractedValue, text: string, cost: number) => {
      fields[field] = repaired(value, text, cost);
      repairs.push({ line: index, field, read: value.value, repaired: text });
    };
    let item: number | null = null;
    const unknownCodes: string[] = [];
    for (const field of Object.keys(fields).filter((name) => name.endsWith("part_number"))) {
      const value = fields[field] as ExtractedValue;
      const found = repairCode(catalogue, value.value);
      if (!found) {
        unknownCodes.push(field);
        continue;
      }
      item ??= found.item;
      if (codeKey(found.text) !== codeKey(value.value)) change(field, value, found.text, found.cost);
    }
    const description = fields.description;
    if (description) {
      const found = repairDescription(catalogue, description.value, item, reachesTheEdge(description));
      if (found && found.text !== collapse(description.value)) change("description", description, found.text, found.cost);
      if (found && item === null) {
        item = found.item;
        // The description named the item: a code too misread to be found alone is read as one of its codes.
        for (const field of unknownCodes) {
          const value = fields[field] as ExtractedValue;
          const key = codeKey(value.value);
          const code = clearlyNearest(
            (catalogue.items[item]?.codes ?? []).map((text) => ({
              text,
              item: item as number,
              cost: ocrDistance(key, codeKey(text)),
            })),
            Math.min(4, key.length * DESCRIBED_CODE_SHARE),
          );
          if (code) change(field, value, code.text, code.cost);
        }
      }
    }
    const uom = fields.uom;
    const units = item === null ? [] : (catalogue.items[item]?.units ?? []);
    if (uom && units.length > 0 && !units.includes(uom.value.toUpperCase())) {
      const found = clearlyNearest(
        units.map((unit) => ({ text: unit, item: item as number, cost: ocrDistance(uom.value.toUpperCase(), unit) })),
        1,
      );
      if (found) change("uom", uom, found.text, found.cost);
    }
    return { fields };
  });
  return { lines: out, repairs };
}
