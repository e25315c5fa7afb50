import type { PageWord } from "../text/page-text.ts";
import { readAmount } from "../values/read-amount.ts";
import type { ExtractedValue } from "./extracted.ts";
import { locate } from "./page-lines.ts";

/**
 * Cells that hold two of a line's values, as some documents print them: a quantity with its unit
 * ("1.00 kg", "15.00 g", "1.00 Units"), a description led by the item's code in brackets or
 * between a barcode's asterisks ("[FURN_7777] Office Chair", "*987123* Olive Oil"), and a tax
 * column's cell that holds the tax's amount rather than its rate.
 */

const QUANTITY_WITH_UNIT = /^(-?[\d.,]+)\s*(\p{L}[\p{L}.]{0,9})$/u;

/** A quantity cell's number and its unit, each located at its own word; null when the cell is not a number and a word. */
export function quantityWithUnit(
  words: PageWord[],
  page: number,
  seen: number,
): { quantity: ExtractedValue; uom: ExtractedValue } | null {
  const printed = words.map((word) => word.text).join(" ");
  const parts = QUANTITY_WITH_UNIT.exec(printed);
  if (!parts || words.length > 2) return null;
  const amount = readAmount(parts[1] as string);
  if (!amount) return null;
  const [first, last] = [words[0] as PageWord, words.at(-1) as PageWord];
  const unit = (parts[2] as string).replace(/\.$/, "");
  return {
    quantity: { value: amount.value, printed: parts[1] as string, confidence: 0.85 * seen, location: locate([first], page) },
    uom: { value: unit.toUpperCase(), printed: unit, confidence: 0.8 * seen, location: locate([last], page) },
  };
}

const BRACKETED_CODE = /^\[([^\]\s]{2,40})\]$/;
const BARCODE = /^\*([A-Z0-9\-. $/+%]{2,40})\*$/;

/**
 * A description whose first word is the item's code in brackets ("[17589684]") or a barcode's
 * text between asterisks ("*987123*"): the code, and the description's words after it.
 */
export function leadingCode(words: PageWord[]): { code: string; codeWords: PageWord[]; rest: PageWord[] } | null {
  const [first, ...rest] = words;
  if (!first || rest.length === 0) return null;
  const code = BRACKETED_CODE.exec(first.text)?.[1] ?? BARCODE.exec(first.text)?.[1];
  return code ? { code, codeWords: [first], rest } : null;
}

/**
 * A line under an item that names one of its attributes ("Serienummer: SDMPP373MPP15", "Lot: 4471",
 * "S/N: …"): one label word or two before a colon, then its value. It is the item's note, not
 * more of its description.
 */
export const isAttributeLine = (text: string) => /^[\p{L}/.#-]{1,20}(?: [\p{L}/.#-]{1,20})?\s?:\s*\S/u.test(text.trim());

/** A tax column's cell: its rate when it prints a percent sign ("15.00%" → "15.00"), else the tax's amount. */
export function taxCell(
  words: PageWord[],
  page: number,
  seen: number,
): { field: "tax_rate" | "tax_amount"; value: ExtractedValue } | null {
  const printed = words.map((word) => word.text).join(" ");
  const rate = /^(-?[\d.,]+)\s*%$/.exec(printed.trim());
  const amount = readAmount(rate ? (rate[1] as string) : printed);
  if (!amount) return null;
  return {
    field: rate ? "tax_rate" : "tax_amount",
    value: { value: amount.value, printed, confidence: 0.85 * seen, location: locate(words, page) },
  };
}
