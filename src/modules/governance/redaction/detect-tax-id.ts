import { VAT_FORMATS } from "../identifiers/vat-number.ts";
import type { Detection } from "./personal-data.ts";

/**
 * Tax identifiers: US SSNs (123-45-6789, the reserved ranges excluded), US EINs after an EIN/TIN
 * label, German Steuernummern after their label, and EU VAT numbers whose country prefix and body match that country's format. Short VAT
 * bodies (eight characters or fewer) look like part numbers, so those need a VAT label.
 */
const SSN = /(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])/g;
const SSN_LABELLED = /\b(?:SSN|SS#|social security(?: number| no\.?)?)\s*[:#]?\s*(?<value>\d{3}[ -]?\d{2}[ -]?\d{4})(?!\d)/gi;
const EIN_LABELLED =
  /\b(?:EIN|FEIN|TIN|tax[ -]?id(?:entification)?(?: number| no\.?| #)?|federal tax (?:id|number)|employer identification number)\s*[:#]?\s*(?<value>\d{2}-?\d{7})(?!\d)/gi;

const VAT_LABEL = String.raw`(?:VAT(?:[ \t]*(?:reg(?:istration)?\.?|ID|no\.?|number|nr\.?|#))*|USt-?Id(?:Nr|-Nr)?\.?|UStID|Umsatzsteuer-?ID(?:-?Nr\.?)?|BTW(?:-?(?:nummer|nr\.?|id))?|N°[ \t]*TVA|TVA(?:[ \t]*intracom(?:munautaire)?)?|P\.?[ \t]?IVA|Partita IVA|IVA|NIF|CIF|MwSt\.?-?Nr\.?|UID(?:-?Nr\.?)?|EU tax id|ALV(?:-tunnus)?|DIČ|NIP|moms(?:nr\.?)?|EORI(?:[ \t]*(?:no\.?|number))?)`;
const VAT_LABELLED = new RegExp(
  String.raw`\b${VAT_LABEL}[ \t]*[:#.]?[ \t]*(?:(?:is|lautet|ist|est|es|è|luidt)[ \t]+)?(?<value>(?:CHE|ATU|[A-Z]{2})[ \t-]?[0-9A-Z](?:[ \t.]?[0-9A-Z+*]){5,13})`,
  "gi",
);
const VAT_BARE = /(?<![\w-])(?<value>CHE-\d{3}\.\d{3}\.\d{3}|(?:ATU|[A-Z]{2}) ?[0-9A-Z]\d[0-9A-Z]{6,10})(?![\w-])/g;
const NATIONAL_LABELLED =
  /\b(?:Steuer-?Nr\.?|Steuernummer|St\.-?Nr\.?)[ \t]*:?[ \t]*(?<value>\d{2,3}\/\d{3,4}\/\d{4,5}|\d{10,13})(?![\d/])/g;

function vatValid(value: string, labelled: boolean): boolean {
  if (!/^(?:CHE|[A-Z]{2})/.test(value)) return false;
  const compact = value.replace(/[ \t.-]/g, "").toUpperCase();
  const prefix = compact.startsWith("CHE") ? "CHE" : compact.slice(0, 2);
  const body = compact.slice(prefix.length);
  const pattern = VAT_FORMATS[prefix];
  // Masked is the number; a Swiss number's "MWST" after it stays.
  if (!pattern?.test(body) || /[A-Z]{3,4}$/.test(body)) return false;
  return labelled || body.length > 8;
}

/** The longest prefix of the match, cut at a space or dot, that `keep` accepts (a label's value may run on into words). */
function spans(text: string, pattern: RegExp, keep: (value: string) => boolean): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(pattern)) {
    const value = m.groups?.value ?? m[0];
    const start = m.index + m[0].length - value.length;
    const cuts = [value.length, ...[...value.matchAll(/[ \t.]/g)].map((c) => c.index).reverse()];
    const length = cuts.find((cut) => keep(value.slice(0, cut)));
    if (length !== undefined) out.push({ kind: "tax_id", start, end: start + length });
  }
  return out;
}

export function detectTaxId(text: string): Detection[] {
  return [
    ...spans(text, SSN, () => true),
    ...spans(text, SSN_LABELLED, () => true),
    ...spans(text, EIN_LABELLED, () => true),
    ...spans(text, NATIONAL_LABELLED, () => true),
    ...spans(text, VAT_LABELLED, (v) => vatValid(v, true)),
    ...spans(text, VAT_BARE, (v) => vatValid(v, false)),
  ];
}
