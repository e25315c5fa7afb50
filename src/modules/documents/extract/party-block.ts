import type { PageWord } from "../text/page-text.ts";
import { countryCode } from "../values/country.ts";
import { type PostalLine, readPostalLine } from "../values/postal-line.ts";
import type { ExtractedValue } from "./extracted.ts";
import { locate } from "./page-lines.ts";

const PHONE = /^(?:tel|tél|phone|ph|telefon|telefoon|téléphone)\.?:?\s+(\+?[\d\s().-]{7,})$/i;

const textOf = (words: PageWord[]) => words.map((word) => word.text).join(" ");

/** A block's lines as its parts: a one-line letterhead's parts split at "·" or "|"; a note in brackets left out. */
function segmentsOf(lines: PageWord[][]): PageWord[][] {
  return lines
    .flatMap((line) => {
      const parts: PageWord[][] = [[]];
      for (const word of line) {
        if (word.text === "·" || word.text === "|") parts.push([]);
        else (parts.at(-1) as PageWord[]).push(word);
      }
      return parts;
    })
    .filter((part) => part.length > 0 && !/^\(.*\)$/.test(textOf(part)));
}

/** The run of words that prints `value` ("Rotterdam", "3012 CN", "OH" of "Toledo, OH 43604"). */
function wordsOf(segment: PageWord[], value: string): PageWord[] {
  const bare = (word: PageWord) => word.text.replace(/^[A-Z]{1,2}-(?=\d)|[,.;:]+$/g, "");
  for (let from = 0; from < segment.length; from++) {
    let text = "";
    for (let to = from; to < segment.length; to++) {
      text = text ? `${text} ${bare(segment[to] as PageWord)}` : bare(segment[to] as PageWord);
      if (text.toUpperCase() === value.toUpperCase()) return segment.slice(from, to + 1);
      if (text.length >= value.length) break;
    }
  }
  return segment;
}

/**
 * Which part is the block's place line: the first in the US's form ("Toledo, OH 43604"), else the
 * last in another's ("3012 CN Rotterdam", "D-63571 Gelnhausen"), whose street lines may also begin
 * with a number.
 */
function placeLine(segments: PageWord[][]): { index: number; place: PostalLine } | null {
  let found: { index: number; place: PostalLine } | null = null;
  for (const [index, segment] of segments.entries()) {
    if (index === 0) continue;
    const place = readPostalLine(textOf(segment));
    if (!place) continue;
    if (place.region) return { index, place };
    found = { index, place };
  }
  return found;
}

/**
 * A party's fields from its block's lines: name, up to two address lines, city, region, postal
 * code, country (a line of its own, or what the place line's form says) and phone.
 */
export function partyFields(role: string, lines: PageWord[][], page: number, confidence: number): Record<string, ExtractedValue> {
  const segments = segmentsOf(lines);
  const fields: Record<string, ExtractedValue> = {};
  const put = (field: string, words: PageWord[], value = textOf(words)) => {
    if (words.length === 0) return;
    const lowest = Math.min(...words.map((word) => (word.confidence ?? 100) / 100));
    fields[`${role}_${field}`] = {
      value,
      printed: textOf(words),
      confidence: Math.round(confidence * lowest * 100) / 100,
      location: locate(words, page),
    };
  };
  const [name] = segments;
  if (!name) return fields;
  put("name", name, textOf(name).replace(/[\s,;:]+$/, ""));
  const place = placeLine(segments);
  let addressLines = 0;
  for (const [index, segment] of segments.entries()) {
    if (index === 0) continue;
    const text = textOf(segment);
    const phone = PHONE.exec(text);
    if (place && index === place.index) {
      const { city, region, postal_code, country } = place.place;
      put("city", wordsOf(segment, city), city);
      if (region) put("region", wordsOf(segment, region), region);
      put("postal_code", wordsOf(segment, postal_code), postal_code);
      if (country) put("country", segment, country);
    } else if (phone) {
      put("phone", segment.slice(1), (phone[1] as string).trim());
    } else if (place && index > place.index && countryCode(text) && !/^[A-Z]{2}$/.test(text)) {
      // (A line of two capitals alone may be a region, "CA", rather than a country.)
      put("country", segment, countryCode(text) as string);
    } else if (
      (!place || index < place.index) &&
      addressLines < 2 &&
      /\d|\b(box|suite|dock|floor|building)\b/i.test(text) &&
      !/@|www\.|https?:/i.test(text)
    ) {
      addressLines += 1;
      put(`address_line${addressLines}`, segment);
    }
  }
  return fields;
}
