import type { Detection } from "./personal-data.ts";

/**
 * IBANs, printed in groups of four or unbroken, in either case. The country code fixes the length (so a BIC or word
 * printed after it is not swallowed) and the mod-97 check digits must hold; anything else is left alone.
 */
const IBAN_LENGTH: Record<string, number> = {
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

const CANDIDATE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]){11,30}/gi;

export function ibanValid(compact: string): boolean {
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= "A" ? ch.charCodeAt(0) - 55 : Number(ch);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

/** Where the IBAN of the expected length ends in `candidate`, or undefined if it runs short. */
function endOf(candidate: string, length: number): number | undefined {
  let seen = 0;
  for (let i = 0; i < candidate.length; i++) {
    if (candidate[i] !== " " && candidate[i] !== "\u00a0") seen++;
    if (seen === length) return i + 1;
  }
  return undefined;
}

export function detectIban(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const length = IBAN_LENGTH[m[0].slice(0, 2).toUpperCase()];
    const end = length === undefined ? undefined : endOf(m[0], length);
    if (end === undefined || /[A-Za-z0-9]/.test(text[m.index + end] ?? "")) continue;
    if (
      ibanValid(
        m[0]
          .slice(0, end)
          .replace(/[ \u00a0]/g, "")
          .toUpperCase(),
      )
    )
      out.push({ kind: "iban", start: m.index, end: m.index + end });
  }
  return out;
}
