import { mod97 } from "./iban.ts";
import { luhnValid } from "./luhn.ts";

/** A VAT (or GST) registration number: compact ("DE232446240"), and the country it is of. */
export type VatNumber = { value: string; country: string };

/** Each country's VAT number after its prefix (the EU's VIES formats, the UK's, Switzerland's, Norway's, India's GSTIN). */
export const VAT_FORMATS: Record<string, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/,
  FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^\d[A-Z0-9+*]\d{5}[A-Z]{1,2}$/,
  IT: /^\d{11}$/,
  LT: /^(\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{10}01$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
  GB: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
  XI: /^(\d{9}|\d{12})$/,
  CHE: /^\d{9}(MWST|TVA|IVA)?$/,
  NO: /^\d{9}(MVA)?$/,
};

/** Check digits where a country's are simple and public: a number that fails them is mistyped. */
const CHECKS: Record<string, (rest: string, compact: string) => boolean> = {
  // ISO 7064 MOD 11,10 over the first eight digits.
  DE: (rest) => {
    let product = 10;
    for (const digit of rest.slice(0, 8)) {
      const sum = (Number(digit) + product) % 10 || 10;
      product = (2 * sum) % 11;
    }
    return (11 - product) % 10 === Number(rest[8]);
  },
  // The key is (12 + 3 × (SIREN mod 97)) mod 97, when it is numeric.
  FR: (rest) => !/^\d{2}/.test(rest) || Number(rest.slice(0, 2)) === (12 + 3 * (Number(rest.slice(2)) % 97)) % 97,
  BE: (rest) => 97 - (Number(rest.slice(0, 8)) % 97) === Number(rest.slice(8)),
  // The older numbers check mod 11; sole traders' (since 2020) mod 97 over the whole number.
  NL: (rest, compact) => {
    const digits = rest.slice(0, 9);
    const weighted = [...digits.slice(0, 8)].reduce((sum, digit, index) => sum + Number(digit) * (9 - index), 0);
    return weighted % 11 === Number(digits[8]) || mod97(compact) === 1;
  },
  IT: (rest) => luhnValid(rest),
};

const GST_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** India's GSTIN: state, PAN, entity, "Z", and a check character (mod 36). */
function gstinValid(compact: string): boolean {
  if (!/^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/.test(compact)) return false;
  let sum = 0;
  for (const [index, character] of [...compact.slice(0, 14)].entries()) {
    const product = GST_CHARS.indexOf(character) * (index % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return GST_CHARS[(36 - (sum % 36)) % 36] === compact[14];
}

/**
 * Reads a VAT number as printed ("DE 232 446 240", "NL810433941B01", "FR 604 219 388 61",
 * "CHE-123.456.789 MWST", an Indian GSTIN "06AABCO6063D1ZQ"): its compact form and country, or
 * null when it is not one — no country prefix, the wrong form for its country, or check digits
 * (Germany, France, Belgium, the Netherlands, Italy, India) that fail.
 */
export function readVatNumber(printed: string): VatNumber | null {
  const compact = printed.replace(/[\s.-]+/g, "").toUpperCase();
  if (gstinValid(compact)) return { value: compact, country: "IN" };
  const prefix = compact.startsWith("CHE") ? "CHE" : compact.slice(0, 2);
  const format = VAT_FORMATS[prefix];
  const rest = compact.slice(prefix.length);
  if (!format?.test(rest)) return null;
  const check = CHECKS[prefix];
  if (check && !check(rest, compact)) return null;
  return { value: compact, country: prefix === "CHE" ? "CH" : prefix === "EL" ? "GR" : prefix };
}
