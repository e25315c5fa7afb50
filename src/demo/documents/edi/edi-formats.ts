import { type Micros, roundMicros } from "../decimal.ts";
import type { Formats } from "../truth/formats.ts";

/** X12 habits: CCYYMMDD dates, plain decimals ("R" elements) with no separators or currency signs. */
export const EDI_FORMATS: Formats = {
  date: "x12",
  money: { symbol: false, thousands: false },
  minPricePlaces: 0,
  minQuantityPlaces: 0,
};

/** An "N2" element: an amount in cents with the decimal point implied, e.g. TDS01 and SAC05. */
export function impliedCents(value: Micros): string {
  return (roundMicros(value, 2) / 10_000n).toString();
}

const X12_UNITS: Record<string, string> = { GAL: "GA", PLT: "PL", PKG: "PK", ROL: "RL", PR: "PR", DZ: "DZ" };

/** X12 units are two letters: a gallon is GA, a pallet PL. */
export function x12Unit(uom: string): string {
  return X12_UNITS[uom] ?? uom.slice(0, 2);
}
