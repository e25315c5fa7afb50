import type { PageText, PageWord } from "../text/page-text.ts";
import { type Cell, cellsOf, linesOf } from "./page-lines.ts";

/** What a seller's legal footer says about it: its registered office, capital, register, board. */
const LEGAL_CUE =
  /(siège social|au capital|capital social|\bRCS\b|\bRSC\b|\bSIRE[NT]\b|registered office|regd\.? office|registered in|company (registration )?(no|number)|registergericht|handelsregister|\bHRB\b|amtsgericht|geschäftsführ|vorstand|kamer van koophandel|\bCIN\b|sold by|\bsitz\b)/i;

/** The legal forms that end a company's name. */
const LEGAL_FORM =
  /^(inc|incorporated|llc|l\.l\.c|ltd|limited|plc|gmbh|ag|kg|se|b\.v|bv|n\.v|nv|sas|sarl|s\.a\.r\.l|s\.a|sa|s\.p\.a|spa|srl|oy|ab|a\/s|aps|corp|corporation)\.?[,:;]*$/i;

/** Where a name may begin inside a sentence: "sold by Amazon Web Services, Inc.", "Regd. office: WS Retail …". */
const NAME_OPENS = /^(by|:|office:|von|par|door)$/i;

export type LegalName = { page: PageText; line: number; words: PageWord[] };

/** A company's name without case, punctuation or its legal form: "Amazon Web Services, Inc." is "amazon web services". */
const bare = (name: string) =>
  name
    .toLowerCase()
    .split(/[^\p{L}\p{N}./]+/u)
    .filter((word) => word && !LEGAL_FORM.test(word))
    .join(" ")
    .replace(/[.]/g, "");

/** Whether two names are one company's ("Coolblue B.V." and "COOLBLUE BV"; "Free SAS" and "Free"). */
export const sameCompany = (a: string, b: string) => bare(a) === bare(b);

/** A company's name with its legal form in a cell: from the cell's start or after "by"/":", up to the form (at most six words). */
function namedCompany(cell: Cell): PageWord[] | null {
  const { words } = cell;
  for (let from = 0; from < words.length; from++) {
    if (from > 0 && !NAME_OPENS.test(words[from - 1]?.text ?? "") && !/:$/.test(words[from - 1]?.text ?? "")) continue;
    for (let to = from + 1; to < Math.min(words.length, from + 6); to++) {
      if (!LEGAL_FORM.test(words[to]?.text ?? "")) continue;
      const name = words.slice(from, to + 1);
      if (name.every((word) => !/\d/.test(word.text)) && /^\p{Lu}/u.test(name[0]?.text ?? "")) return name;
    }
  }
  return null;
}

/** A line that is only a short name ("NETPRESSE", "Oravel Stays Private Limited"): one cell, one to five words, no digits or colon. */
const onlyName = (cells: Cell[]) =>
  cells.length === 1 && (cells[0] as Cell).words.length <= 5 && /^\p{L}[\p{L}\s.,&'’-]*$/u.test((cells[0] as Cell).text);

/**
 * The seller's legal name from a page's legal footer (its lower half): on a line that gives its
 * registered office, capital, register or board, the name with a legal form ("Free SAS au capital
 * de …", "QualityHosting AG   Vorstand: …", "sold by Amazon Web Services, Inc."), else the name
 * alone on the line above ("NETPRESSE" over "Siège social : …"). Null when no page has one.
 */
export function legalName(pages: PageText[]): LegalName | null {
  for (const page of pages) {
    const lines = linesOf(page);
    for (let line = lines.length - 1; line >= 0; line--) {
      const words = lines[line] as PageWord[];
      if ((words[0]?.box.y0 ?? 0) < page.height / 2) break;
      if (!LEGAL_CUE.test(words.map((word) => word.text).join(" "))) continue;
      for (const cell of cellsOf(words)) {
        const name = namedCompany(cell);
        if (name) return { page, line, words: name };
      }
      const above = line > 0 ? cellsOf(lines[line - 1] as PageWord[]) : [];
      if (onlyName(above)) return { page, line: line - 1, words: (above[0] as Cell).words };
    }
  }
  return null;
}
