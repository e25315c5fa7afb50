import type { ExtractedValue } from "./extracted.ts";

/**
 * What a line's amount should be, from its quantity, unit price and discount: with a discount
 * column, either reading of it (a percentage, or an amount off the line) may be the printed one.
 * Empty when the line lacks a quantity or a price.
 */
export function expectedAmounts(fields: Record<string, ExtractedValue | undefined>): number[] {
  const quantity = Number(fields.quantity?.value);
  const price = Number(fields.unit_price?.value);
  if (!fields.quantity || !fields.unit_price || !Number.isFinite(quantity) || !Number.isFinite(price)) return [];
  const gross = quantity * price;
  const discount = fields.discount ? Number(fields.discount.value) : 0;
  if (!Number.isFinite(discount) || discount === 0) return [gross];
  return [gross * (1 - discount / 100), gross - discount];
}

/** Whether the line's amount is what its quantity, price and discount make, to a cent; null when it cannot be told. */
export function lineAddsUp(fields: Record<string, ExtractedValue | undefined>): boolean | null {
  const amount = Number(fields.amount?.value);
  const expected = expectedAmounts(fields);
  if (!fields.amount || !Number.isFinite(amount) || expected.length === 0) return null;
  return expected.some((value) => Math.abs(value - amount) <= 0.011);
}

/** A printed number's digits as OCR may have misread them ("2O6 7l" is 20671), without leading zeros. */
function digitsOf(printed: string): string {
  return printed
    .replace(/[Oo]/g, "0")
    .replace(/[lI|]/g, "1")
    .replace(/[Ss]/g, "5")
    .replace(/B/g, "8")
    .replace(/Z/g, "2")
    .replace(/\D/g, "")
    .replace(/^0+(?=\d)/, "");
}

type Candidate = { printed: string; value: (normalised: string) => ExtractedValue };

/**
 * Settles an OCR'd line's quantity, price and amount by its arithmetic: when they do not add up
 * (or one is missing or unreadable), the one whose printed digits are exactly the digits the
 * other two make ("206 71" where 26 × 7.9503 is 206.71; "$3536?" read from a smudged $353.67 is
 * not) is read as that number; `candidates` are a field's own printed words, then numbers left
 * over on the row. Only printed digits are read: nothing is made up. Returns the fields settled.
 */
export function settleByArithmetic(
  fields: Record<string, ExtractedValue | undefined>,
  candidates: { field?: string; candidate: Candidate }[],
): string[] {
  if (lineAddsUp(fields) === true) return [];
  const number = (field: string) => (fields[field] ? Number(fields[field]?.value) : Number.NaN);
  const quantity = number("quantity");
  const price = number("unit_price");
  const amount = number("amount");
  const own = (field: string) => candidates.filter((entry) => entry.field === field || entry.field === undefined);
  const attempts: { field: string; options: () => string[] }[] = [
    {
      field: "amount",
      options: () =>
        Number.isFinite(quantity) && Number.isFinite(price) ? expectedAmounts(fields).map((value) => value.toFixed(2)) : [],
    },
    {
      field: "unit_price",
      options: () =>
        Number.isFinite(quantity) && Number.isFinite(amount) && quantity !== 0
          ? [2, 3, 4]
              .map((places) => (amount / quantity).toFixed(places))
              .filter((value) => Math.abs(Number(value) * quantity - amount) <= 0.011)
          : [],
    },
    {
      field: "quantity",
      options: () =>
        Number.isFinite(price) &&
        Number.isFinite(amount) &&
        price !== 0 &&
        Math.abs(Math.round(amount / price) * price - amount) <= 0.011
          ? [String(Math.round(amount / price))]
          : [],
    },
  ];
  for (const { field, options } of attempts) {
    for (const option of options()) {
      const wanted = digitsOf(option);
      const match = own(field).find((entry) => digitsOf(entry.candidate.printed) === wanted);
      if (!match) continue;
      fields[field] = match.candidate.value(option);
      return [field];
    }
  }
  return [];
}
