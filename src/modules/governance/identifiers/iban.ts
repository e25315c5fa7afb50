/** IBAN lengths by country (the SWIFT IBAN registry): a number of another length is not an IBAN. */
export const IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  TN: 24,
  TR: 26,
  UA: 29,
  VG: 24,
  XK: 20,
};

/** ISO 7064 mod 97-10 over a string of digits and letters (A = 10 … Z = 35), as IBANs and some VAT numbers use. */
export function mod97(text: string): number {
  let rest = 0;
  for (const character of text) {
    const digits = /\d/.test(character) ? character : String(character.charCodeAt(0) - 55);
    for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest;
}

/**
 * Reads an IBAN as printed ("NL50INGB0683251309", "FR76 1010 7002 4500 6170 5231 739"): its
 * compact form, or null when it is not one — a country without IBANs, the wrong length for its
 * country, or a check (mod 97) that fails, as a mistyped or masked number's does.
 */
export function readIban(printed: string): string | null {
  const compact = printed.replace(/[\s-]+/g, "").toUpperCase();
  const match = /^([A-Z]{2})(\d{2})([A-Z0-9]+)$/.exec(compact);
  if (!match || IBAN_LENGTHS[match[1] as string] !== compact.length) return null;
  return mod97(compact.slice(4) + compact.slice(0, 4)) === 1 ? compact : null;
}
