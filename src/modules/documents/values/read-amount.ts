/** How a document writes its numbers: which character separates decimals (the other groups thousands). */
export type NumberStyle = { decimal: "." | "," };

export type ReadAmount = {
  /** Exact decimal text: "-1234.5", "299.20" (as many decimals as printed). */
  value: string;
  /** The currency its symbol or code named, if any. */
  currency: string | null;
};

const SYMBOLS: Record<string, string> = {
  $: "USD",
  US$: "USD",
  "€": "EUR",
  "£": "GBP",
  "¥": "JPY",
  "₹": "INR",
  "Rs.": "INR",
  Rs: "INR",
  C$: "CAD",
  A$: "AUD",
  CHF: "CHF",
  "Fr.": "CHF",
  kr: "SEK",
  zł: "PLN",
};
const CODE = /\b(USD|EUR|GBP|CAD|AUD|CHF|JPY|CNY|INR|MXN|SEK|NOK|DKK|PLN|CZK|BRL|NZD|ZAR)\b/;

/**
 * The currency a mark names when it stands alone or leads or ends an amount ("$", "(USD)", "€3.50",
 * "Rs", "EUR"); null when it names none.
 */
export function currencyMark(printed: string): { currency: string; mark: string } | null {
  const text = printed.trim().replace(/^[([]+|[)\]:,]+$/g, "");
  const code = /^(?:[\d.,\s-]*)([A-Z]{3})(?:[\d.,\s-]*)$/.exec(text);
  if (code && CODE.test(code[1] as string)) return { currency: code[1] as string, mark: code[1] as string };
  const symbol = /^[\d.,\s-]*([^\d.,\s-]+)[\d.,\s-]*$/.exec(text)?.[1];
  const named = symbol ? SYMBOLS[symbol] : undefined;
  return named && symbol ? { currency: named, mark: symbol } : null;
}

/**
 * Reads a printed amount: "$1,234.50", "1.234,50 €", "1 234,50", "1'234.50", "EUR 99", "(12.00)"
 * and "12.00-" (negative, as ledgers print credits), "1,269 .12-" (an OCR's stray space). Where the
 * decimal separator is ambiguous ("1,234" or "1.234") the style decides; a number with both marks
 * says which is which itself. Null when the text holds no single number.
 */
export function readAmount(printed: string, style: NumberStyle = { decimal: "." }): ReadAmount | null {
  let text = printed.trim();
  if (text === "") return null;
  let currency: string | null = null;
  const code = CODE.exec(text);
  if (code) {
    currency = code[1] as string;
    text = text.replace(CODE, " ");
  }
  for (const [symbol, named] of Object.entries(SYMBOLS).sort((a, b) => b[0].length - a[0].length)) {
    if (!text.includes(symbol)) continue;
    currency ??= named;
    text = text.replace(symbol, " ");
    break;
  }
  text = text.trim();
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (/^[-−–]/.test(text) || /[-−–]$/.test(text)) {
    negative = true;
    text = text.replace(/^[-−–]\s*|\s*[-−–]$/g, "");
  }
  if (/^\+/.test(text)) text = text.slice(1);
  // Spaces and apostrophes group thousands; an OCR may also put a space before the decimals.
  text = text.replace(/(?<=\d)[\s'’](?=\d{3}\b)/g, "").replace(/(?<=\d)\s+(?=[.,]\d)/g, "");
  if (!/^\d[\d.,]*$/.test(text) || /[.,]{2}/.test(text) || /[.,]$/.test(text)) return null;

  const decimal = decimalMark(text, style);
  const [whole, fraction] = decimal ? splitLast(text, decimal) : [text, undefined];
  const grouping = /[.,]/.exec(whole)?.[0];
  const groups = grouping ? whole.split(grouping) : [whole];
  if (groups.some((group) => /[.,]/.test(group))) return null;
  const [lead = "", ...rest] = groups;
  if (rest.length > 0 && (lead.length === 0 || lead.length > 3 || rest.some((group) => group.length !== 3))) return null;
  const integer = groups.join("").replace(/^0+(?=\d)/, "");
  const value = `${negative && /[1-9]/.test(integer + (fraction ?? "")) ? "-" : ""}${integer}${fraction !== undefined ? `.${fraction}` : ""}`;
  return { value, currency };
}

/** Which mark separates decimals in `text`, or null when it has none. */
function decimalMark(text: string, style: NumberStyle): "." | "," | null {
  const dots = text.split(".").length - 1;
  const commas = text.split(",").length - 1;
  if (dots === 0 && commas === 0) return null;
  if (dots > 0 && commas > 0) return text.lastIndexOf(".") > text.lastIndexOf(",") ? "." : ",";
  const mark = dots > 0 ? "." : ",";
  if ((mark === "." ? dots : commas) > 1) return null; // "1.234.567": grouping only
  // One mark: decimals unless it is followed by exactly three digits in the style that groups with it.
  const after = text.length - text.lastIndexOf(mark) - 1;
  if (after !== 3) return mark;
  return style.decimal === mark ? mark : null;
}

function splitLast(text: string, mark: string): [string, string] {
  const at = text.lastIndexOf(mark);
  return [text.slice(0, at), text.slice(at + 1)];
}
