import { countryCode } from "./country.ts";

/** An address's last line: the place, its postal code, and where printed, a region and a country. */
export type PostalLine = { city: string; postal_code: string; region?: string; country?: string };

/** "Toledo, OH 43604", "Fremont CA 94538", "Seattle, WA 98109-5210, US" (the US and Canada's way, region first). */
const US = /^(\p{L}[\p{L} .'-]*?),?\s+([A-Z]{2})\s+(\d{5}(?:-\d{4})?)(?:,?\s+([A-Z]{2}|USA))?$/u;
/** "3012 CN Rotterdam": a Dutch postal code. */
const NL = /^(\d{4}\s?[A-Z]{2})\s+(\p{L}[\p{L} .'-]*)$/u;
/** "D-63571 Gelnhausen", "69100 Villeurbanne", "75371 Paris Cedex 08", "1000 Bruxelles": code, then place. */
const EUROPE = /^(?:([A-Z]{1,2})-\s?)?(\d{4,5})\s+(\p{L}[\p{L} .'-]*(?:\s+\d{1,2})?)$/u;
/** "London SW1A 1AA": a British postcode after the place. */
const UK = /^(\p{L}[\p{L} .'-]*?),?\s+([A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})$/u;
/** "New Delhi - 110001", "Lucknow 226010 Uttar Pradesh": an Indian PIN after the place, and its state. */
const INDIA = /^(\p{L}[\p{L} .'-]*?)\s*[-–]?\s*(\d{6})(?:\s+(\p{L}[\p{L} ]*))?$/u;

/** The words that end an American street's name. */
const STREET =
  /\b(st|street|ave|avenue|dr|drive|rd|road|blvd|boulevard|pkwy|parkway|ln|lane|way|ct|court|hwy|highway|suite|ste|pl|place|cir|circle|ter|terrace|trl|trail|sq|square)\.?$/i;

/** The old licence-plate prefixes of European postal codes ("D-63571", "F-75008", "NL-3012"). */
const PLATES: Record<string, string> = { D: "DE", F: "FR", A: "AT", B: "BE", I: "IT", E: "ES", L: "LU", NL: "NL", CH: "CH" };

/**
 * Reads an address's city line, in the US's form ("City, ST 12345") or Europe's ("3012 CN
 * Rotterdam", "D-63571 Gelnhausen", "75008 Paris"), the UK's or India's; null when the line is not one.
 */
export function readPostalLine(printed: string): PostalLine | null {
  const text = printed.trim().replace(/[,.]$/, "").replace(/\s+/g, " ");
  let match = US.exec(text);
  if (match) {
    const country = match[4] ? (countryCode(match[4]) ?? undefined) : undefined;
    return {
      city: match[1] as string,
      region: (match[2] as string).toUpperCase(),
      postal_code: match[3] as string,
      ...(country ? { country } : {}),
    };
  }
  match = NL.exec(text);
  if (match) return { city: match[2] as string, postal_code: match[1] as string, country: "NL" };
  match = EUROPE.exec(text);
  // "4100 Lakeside Commerce Pkwy" is an American street, not a European postal code and place.
  if (match && !STREET.test(match[3] as string)) {
    const country = match[1] ? PLATES[match[1]] : undefined;
    if (match[1] && !country) return null;
    return { city: match[3] as string, postal_code: match[2] as string, ...(country ? { country } : {}) };
  }
  match = UK.exec(text);
  if (match) return { city: match[1] as string, postal_code: match[2] as string, country: "GB" };
  match = INDIA.exec(text);
  if (match)
    return {
      city: match[1] as string,
      postal_code: match[2] as string,
      ...(match[3] ? { region: match[3] } : {}),
      country: "IN",
    };
  return null;
}
