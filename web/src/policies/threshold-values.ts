/**
 * How the thresholds form shows a value of the policy data in an input, and reads it back. What
 * does not read as a value is kept as the text typed (a string in the data), so nothing typed is
 * lost: the form and the JSON show it, and the checks name it until it is corrected.
 */
export type ValueText = {
  /** The input's text for a value of the data. */
  format: (value: unknown) => string;
  /** The value for the input's text; the text itself when it does not read as one. */
  parse: (text: string) => unknown;
};

const MONEY = /^(\d+|\d{1,3}(,\d{3})+)(\.\d{0,2})?$/;
const PERCENT = /^-?\d+(\.\d+)?$/;

const other = (value: unknown): string =>
  value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);

/** An amount in minor units (cents), shown in major units ("5000.00"); blank is null (never, or any amount). */
export const moneyText: ValueText = {
  format: (value) =>
    typeof value === "number" ? (Number.isInteger(value) ? (value / 100).toFixed(2) : String(value / 100)) : other(value),
  parse: (text) => {
    const trimmed = text.trim().replace(/^\$\s*/, "");
    if (trimmed === "") return null;
    if (!MONEY.test(trimmed)) return text;
    const [whole = "0", cents = ""] = trimmed.replaceAll(",", "").split(".");
    const minor = Number(whole) * 100 + Number(cents.padEnd(2, "0"));
    return Number.isSafeInteger(minor) ? minor : text;
  },
};

/** A fraction from 0 to 1, shown in percent ("90" for 0.9); a trailing "%" is allowed. */
export const percentText: ValueText = {
  format: (value) => (typeof value === "number" ? String(Number((value * 100).toFixed(4))) : other(value)),
  parse: (text) => {
    const trimmed = text.trim().replace(/\s*%$/, "");
    return PERCENT.test(trimmed) ? Number((Number(trimmed) / 100).toFixed(6)) : text;
  },
};

/** A list of names, shown comma-separated ("hazmat, controlled"); blank is an empty list. */
export const listText: ValueText = {
  format: (value) => (Array.isArray(value) ? value.map(other).join(", ") : other(value)),
  parse: (text) =>
    text
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== ""),
};

/** Whether two values of the data are the same (JSON-equal). */
export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
