import type { PageText } from "../text/page-text.ts";
import type { ExtractedValue } from "./extracted.ts";
import { linesOf } from "./page-lines.ts";

/** How sure a value is that the document implies but does not print: never sure enough to pass without a person. */
const IMPLIED = 0.5;

const decimalsOf = (value: string) => value.split(".")[1]?.length ?? 0;

/** `total − tax` as exact decimal text, at the larger of their precisions. */
function difference(total: string, tax: string): string | null {
  const places = Math.max(decimalsOf(total), decimalsOf(tax));
  const scale = 10n ** BigInt(places);
  const cents = (value: string) => {
    const [whole = "0", fraction = ""] = value.replace(/^-/, "").split(".");
    const magnitude = BigInt(whole) * scale + BigInt(fraction.padEnd(places, "0") || "0");
    return value.startsWith("-") ? -magnitude : magnitude;
  };
  if (![total, tax].every((value) => /^-?\d+(\.\d+)?$/.test(value))) return null;
  const result = cents(total) - cents(tax);
  const negative = result < 0n;
  const magnitude = negative ? -result : result;
  const whole = magnitude / scale;
  const fraction = places > 0 ? `.${(magnitude % scale).toString().padStart(places, "0")}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/**
 * An invoice's untaxed amount where no label names it: its total less its tax ("Tax $0.00",
 * "Total $4.11"), or its total where it prints no tax and no charge beside the lines (nothing to
 * take off). Located at the total, and marked as implied: a person confirms it.
 */
export function impliedSubtotal(fields: Record<string, ExtractedValue>): ExtractedValue | null {
  const total = fields.total;
  if (!total || fields.subtotal || fields.freight) return null;
  const value = fields.tax ? difference(total.value, fields.tax.value) : total.value;
  return value === null ? null : { ...total, value, confidence: IMPLIED };
}

/**
 * A receipt that prints no number of its own ("PAYMENT RECEIPT", a hotel's, a shop's) is known by
 * the booking or order reference it prints, as a person keying it would file it: implied, so a
 * person confirms it.
 */
export function receiptNumber(fields: Record<string, ExtractedValue>, pages: PageText[]): ExtractedValue | null {
  const reference = fields.order_number;
  const [first] = pages;
  if (fields.invoice_number || !reference || !first) return null;
  const top = linesOf(first)
    .slice(0, 5)
    .map((line) => line.map((word) => word.text).join(" "))
    .join(" ");
  return /\b(receipt|quittung|reçu|kwitantie|ontvangstbewijs)\b/i.test(top) && !/\binvoice\b/i.test(top)
    ? { ...reference, confidence: IMPLIED }
    : null;
}
