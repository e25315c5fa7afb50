import type { Detection } from "./personal-data.ts";

/**
 * Telephone and fax numbers. A bare digit run is an order, part or invoice number far more often
 * than a phone, so a number counts only when its formatting says "phone": a +CC or 00CC prefix,
 * the US (555) 123-4567 shape, a European trunk 0 followed by separated groups, or a label
 * (Tel, Phone, Fax, Mobile…) right before it. Dates, amounts and dashed part numbers are refused.
 */
const EXT = String.raw`(?:[ \u00a0]?(?:ext\.?|extension|Durchwahl|DW|poste)[ \u00a0]?\d{1,5}|[ \u00a0]?x\d{1,5})?`;
const SEP = String.raw`(?:[ \u00a0]?[-./][ \u00a0]?|[ \u00a0])`;

const INTERNATIONAL = new RegExp(
  String.raw`(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[ \u00a0]?\(0\))?(?:${SEP}?(?:\(\d{1,5}\)|\d{1,6}))(?:${SEP}?(?:\(\d{1,5}\)|\d{2,6})){0,6}${EXT}(?![\w]|[-./,:]\d)`,
  "g",
);
const US = new RegExp(
  String.raw`(?<![\w+\-./,])(?:1[ .-]?)?(?:\([2-9]\d{2}\)[ \u00a0.-]?|[2-9]\d{2}[ .-])\d{3}[ .-]\d{4}${EXT}(?![\w]|[-./,:]\d)`,
  "g",
);
const NATIONAL = new RegExp(String.raw`(?<![\w+\-./,])0[1-9]\d{0,3}(?:${SEP}\d{2,8}){1,5}${EXT}(?![\w]|[-./,:]\d)`, "g");
const LABELLED =
  /(?:\b(?:tel(?:ephone|efon|efoon|\.)?|phone|ph|mobile|mobil|mob|cell(?:phone)?|fax|handy|gsm|t[ée]l[ée]phone|portable|direct(?: line| dial)?|call|ring|bel|bellen|anrufen|call (?:me|us) (?:at|on)|reach (?:me|us) (?:at|on)|text (?:me|us) (?:at|on))|(?<![\w])[TMFP](?=\s?:))\.?(?:\s*(?:no\.?|number|nr\.?|#))?\s*[:.]?\s*(?<value>\+?\(?\d[\d \u00a0()./-]{4,}\d)/giu;

const DAY_MONTH = String.raw`(?:0?[1-9]|[12]\d|3[01])[./-](?:0?[1-9]|[12]\d|3[01])`;
const DATE_START = new RegExp(String.raw`^${DAY_MONTH}[./-](?:\d{4}(?!\d)|\d{2}$)|^\d{4}[./-]\d{1,2}[./-]\d{1,2}(?!\d)`);

function digitCount(value: string): number {
  return value.replace(/\D/g, "").length;
}

function looksLikePhone(value: string, min: number, max: number): boolean {
  const digits = digitCount(value.replace(/(?:ext\.?|extension|Durchwahl|DW|poste|x)\s?\d+$/i, ""));
  if (digits < min || digits > max) return false;
  if (DATE_START.test(value)) return false;
  if (value.startsWith("00") && (digits < 10 || !/[\s()./-]/.test(value) || /^00\d{1,3}[ .-]0/.test(value))) return false;
  const dashes = value.split("-").length - 1;
  return !(dashes >= 2 && !/\s/.test(value) && !value.startsWith("+") && !value.startsWith("("));
}

function scan(text: string, pattern: RegExp, min: number, max: number): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(pattern)) {
    const value = m.groups?.value ?? m[0];
    const start = m.index + m[0].length - value.length;
    if (looksLikePhone(value, min, max)) out.push({ kind: "phone", start, end: start + value.length });
  }
  return out;
}

/** The shapes overlap ("+1 (555) 123-4567" holds a US number), so only the widest reading is kept. */
function outermost(detections: Detection[]): Detection[] {
  return detections.filter(
    (d, i) =>
      !detections.some((o, j) => j !== i && o.start <= d.start && o.end >= d.end && (o.end - o.start > d.end - d.start || j < i)),
  );
}

export function detectPhone(text: string): Detection[] {
  return outermost([
    ...scan(text, INTERNATIONAL, 8, 15),
    ...[...text.matchAll(US)].map((m) => ({ kind: "phone" as const, start: m.index, end: m.index + m[0].length })),
    ...scan(text, NATIONAL, 9, 12),
    ...scan(text, LABELLED, 6, 15),
  ]);
}
