import { IBAN_LENGTHS, mod97 } from "../identifiers/iban.ts";
import type { Detection } from "./personal-data.ts";

/**
 * IBANs, printed in groups of four or unbroken, in either case. The country code fixes the length (so a BIC or word
 * printed after it is not swallowed) and the mod-97 check digits must hold; anything else is left alone.
 */
const CANDIDATE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]){11,30}/gi;

/** Whether a compact IBAN's check digits hold (mod 97 of the rearranged number is 1). */
export const ibanValid = (compact: string) => mod97(compact.slice(4) + compact.slice(0, 4)) === 1;

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
    const length = IBAN_LENGTHS[m[0].slice(0, 2).toUpperCase()];
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
