/** A change time or key as an API gives it: text (an ISO date, an id) or a number (epoch seconds, a version). */
export type Scalar = string | number;

const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?)?$/i;

/**
 * Orders two values the way a change time is ordered: numbers (and numeric text) by value, ISO dates
 * by the instant they name (then as text, for fractions finer than a millisecond), anything else as text.
 */
export function compareScalars(a: Scalar, b: Scalar): number {
  const aText = String(a).trim();
  const bText = String(b).trim();
  if (NUMBER.test(aText) && NUMBER.test(bText)) return Math.sign(Number(aText) - Number(bText));
  if (DATE_TIME.test(aText) && DATE_TIME.test(bText)) {
    const difference = Date.parse(aText.replace(" ", "T")) - Date.parse(bText.replace(" ", "T"));
    if (Number.isFinite(difference) && difference !== 0) return Math.sign(difference);
  }
  return aText < bText ? -1 : aText > bText ? 1 : 0;
}

/** The greater of two values, either of which may be missing. */
export function greatest(a: Scalar | null, b: Scalar | null): Scalar | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareScalars(a, b) >= 0 ? a : b;
}
