import { isCountryCode } from "./country.ts";

/**
 * Reads a BIC (SWIFT code) as printed ("INGBNL2A", "BREDFRPP", "HELADEF1GEL"): four letters of the
 * bank, the country's ISO code, two letters or digits of the place, and an optional branch of
 * three. Null when it is not one (a country code that is no country, a word of the wrong length).
 * Any eight letters may look like one ("BANKVERB"): read a BIC only where a label names it.
 */
export function readBic(printed: string): string | null {
  const compact = printed.replace(/\s+/g, "").toUpperCase();
  const match = /^[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.exec(compact);
  if (!match || !isCountryCode(match[1] as string)) return null;
  return compact;
}
