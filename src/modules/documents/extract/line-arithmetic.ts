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
  return settleByOneDigit(fields, candidates);
}

/** Every digit string one digit away from `digits`: one dropped, added or replaced (no leading zeros). */
function oneDigitAway(digits: string): Set<string> {
  const away = new Set<string>();
  for (let at = 0; at <= digits.length; at++) {
    const before = digits.slice(0, at);
    if (at < digits.length) away.add(before + digits.slice(at + 1));
    for (let digit = 0; digit <= 9; digit++) {
      away.add(before + digit + digits.slice(at));
      if (at < digits.length) away.add(before + digit + digits.slice(at + 1));
    }
  }
  away.delete(digits);
  return new Set([...away].filter((each) => each.length > 0 && (each === "0" || !each.startsWith("0"))));
}

/** Below the shipped field threshold (0.7): a value mended by a digit is shown to a person. */
const MENDED_CONFIDENCE = 0.6;

/** The decimal places a value of `field` may have. */
const PLACES: Record<string, number[]> = { quantity: [0, 1, 2, 3], unit_price: [0, 1, 2, 3, 4], amount: [2] };

/**
 * When no field's digits are exactly what the other two make: the one field whose printed digits
 * are one digit off a value that makes the line add up (a digit dropped, added or misread: "4.8."
 * where 20 × 4.85 is 97.00; "(6.5699" where 39 × 16.5699 is 646.23) is read as that value. When
 * two fields could be so mended, the one OCR was less sure of; when that is not clear, neither.
 * The mended value is not sure enough to go straight through.
 */
function settleByOneDigit(
  fields: Record<string, ExtractedValue | undefined>,
  candidates: { field?: string; candidate: Candidate }[],
): string[] {
  const number = (field: string) => Number(fields[field]?.value);
  const addsUp = (field: string, value: number): boolean => {
    const quantity = field === "quantity" ? value : number("quantity");
    const price = field === "unit_price" ? value : number("unit_price");
    const amount = field === "amount" ? value : number("amount");
    if (![quantity, price, amount].every(Number.isFinite)) return false;
    const trial = { ...fields, [field]: { value: String(value) } } as Record<string, ExtractedValue>;
    return (
      expectedAmounts({ ...trial, amount: undefined }).some((expected) => Math.abs(expected - amount) <= 0.011) && quantity > 0
    );
  };
  const mended: { field: string; value: ExtractedValue }[] = [];
  for (const field of ["quantity", "unit_price", "amount"]) {
    const own = candidates.find((entry) => entry.field === field);
    if (!own) continue;
    // By value: 16.57 and 16.5700 are one reading.
    const values = new Map<number, string>();
    for (const digits of oneDigitAway(digitsOf(own.candidate.printed))) {
      for (const places of PLACES[field] ?? []) {
        const value = Number(digits) / 10 ** places;
        if (addsUp(field, value) && !values.has(value)) values.set(value, value.toFixed(places));
      }
    }
    const [value] = values.values();
    if (values.size === 1 && value) mended.push({ field, value: own.candidate.value(value) });
  }
  const sorted = mended.sort((a, b) => a.value.confidence - b.value.confidence);
  const [first, second] = sorted;
  if (!first || (second && second.value.confidence - first.value.confidence < 0.05)) return [];
  // A digit OCR misread cannot be told from one the sender misprinted: a person confirms it.
  fields[first.field] = { ...first.value, confidence: Math.min(first.value.confidence, MENDED_CONFIDENCE) };
  return [first.field];
}
