import { classifyDocument } from "../classify/classify-document.ts";
import { extractHeader } from "../extract/header-fields.ts";
import type { PageText } from "../text/page-text.ts";
import { identityOf } from "./document-identity.ts";

/** "Page 2 of 3", "Page 2/3", "Seite 2 von 3", "Pagina 2 van 3", "Page 2 sur 3". */
const PAGE_MARKER = /\b(?:page|pg|seite|pagina|blatt)\.?\s*(\d{1,3})\s*(?:of|\/|von|van|sur|de)\s*(\d{1,3})\b/i;

function pageMarker(page: PageText): { page: number; of: number } | null {
  const match = page.text.match(PAGE_MARKER);
  if (!match) return null;
  const [number, of] = [Number(match[1]), Number(match[2])];
  return number >= 1 && number <= of ? { page: number, of } : null;
}

/** The kind a page names at its top, and the number it prints for that kind, if any. */
function pageHead(page: PageText): { kind: string; number: string | null } | null {
  const classification = classifyDocument({ kind: "pdf", pages: [page] });
  if (classification.kind === "other" || !classification.reasons.some((reason) => reason.includes("at the top of page")))
    return null;
  const fields = extractHeader(classification.kind, [page]);
  return { kind: classification.kind, number: identityOf(classification.kind, fields, null).documentNumber };
}

/**
 * A file's pages as the documents they hold: a scanned batch or a merged PDF of several invoices
 * is split where a page begins another document. A page begins one when it says so ("Page 1 of 2")
 * or, without page numbers, when it names a kind at its top and is not the same kind and number as
 * the document before it (a second page repeating its invoice's heading continues that invoice).
 * A page that says it is page 2 or later continues the document before it.
 */
export function splitDocuments(pages: PageText[]): PageText[][] {
  const documents: PageText[][] = [];
  let current: PageText[] = [];
  let head: { kind: string; number: string | null } | null = null;
  for (const page of pages) {
    if (current.length === 0) {
      current.push(page);
      head = pageHead(page);
      continue;
    }
    const marker = pageMarker(page);
    const pageStart = marker ? marker.page === 1 : null;
    const thisHead = pageStart === false ? null : pageHead(page);
    const starts =
      pageStart ??
      (thisHead !== null &&
        !(head !== null && thisHead.kind === head.kind && (thisHead.number === null || thisHead.number === head.number)));
    if (starts) {
      documents.push(current);
      current = [page];
      head = thisHead ?? pageHead(page);
    } else {
      current.push(page);
    }
  }
  if (current.length > 0) documents.push(current);
  return documents;
}
