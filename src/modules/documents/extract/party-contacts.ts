import type { PageText, PageWord } from "../text/page-text.ts";
import { readEmail, readPhone, readWebsite } from "../values/contact-details.ts";
import type { ExtractedValue } from "./extracted.ts";
import { linesOf, locate } from "./page-lines.ts";

const PHONE_LABEL = /^(tel|tél|tel\.|tél\.|phone|ph|telephone|téléphone|telefon|telefoon|fon|t)\.?:?$/i;

/** A phone number's words from `from`: the longest run of up to six words that reads as one. */
function phoneFrom(line: PageWord[], from: number): PageWord[] | null {
  for (let to = Math.min(line.length, from + 6); to > from; to--) {
    const words = line.slice(from, to);
    if (readPhone(words.map((word) => word.text).join(" "))) return words;
  }
  return null;
}

/** A line's email, website and phone: a phone after its label, or alone on a line with an email or website. */
function contactsOf(line: PageWord[]): Record<string, PageWord[]> {
  const found: Record<string, PageWord[]> = {};
  for (const [at, word] of line.entries()) {
    if (!found.email && readEmail(word.text)) found.email = [word];
    else if (!found.website && readWebsite(word.text)) found.website = [word];
    if (!found.phone && PHONE_LABEL.test(word.text)) {
      const words = phoneFrom(line, line[at + 1]?.text === ":" ? at + 2 : at + 1);
      if (words) found.phone = words;
    }
  }
  if (!found.phone && (found.email || found.website)) {
    for (const at of line.keys()) {
      const words = /^[+(\d]/.test(line[at]?.text ?? "") ? phoneFrom(line, at) : null;
      if (words) {
        found.phone = words;
        break;
      }
    }
  }
  return found;
}

/**
 * A party's email, website and telephone, looked for in its own block's lines first, then in the
 * pages' footers (their lowest fifth) and the first page's first two lines (in its top eighth), outside other parties' blocks
 * (`exclude`).
 */
export function partyContacts(
  pages: PageText[],
  role: string,
  own: PageWord[][],
  exclude: Set<PageWord>,
): Record<string, ExtractedValue> {
  const places: [PageWord[], number, number][] = own.map((line) => [line, pages[0]?.page ?? 1, 0.8]);
  for (const page of pages) {
    for (const [index, line] of linesOf(page).entries()) {
      // "Powered by TCPDF (www.tcpdf.org)" names the software that wrote the file, not the party.
      if (/\b(powered|generated|created) (by|with)\b/i.test(line.map((word) => word.text).join(" "))) continue;
      const words = line.filter((word) => !exclude.has(word));
      const y = words[0]?.box.y0 ?? 0;
      if (y > page.height * 0.8 || (page === pages[0] && index < 2 && y < page.height * 0.12))
        places.push([words, page.page, 0.7]);
    }
  }
  const fields: Record<string, ExtractedValue> = {};
  for (const [line, page, confidence] of places) {
    for (const [field, words] of Object.entries(contactsOf(line))) {
      const printed = words.map((word) => word.text).join(" ");
      const value =
        field === "email" ? (readEmail(printed) as string) : field === "website" ? (readWebsite(printed) as string) : printed;
      fields[`${role}_${field}`] ??= { value, printed, confidence, location: locate(words, page) };
    }
  }
  return fields;
}
