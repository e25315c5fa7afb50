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
