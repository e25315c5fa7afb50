import { composeLayout } from "../text/compose-layout.ts";
import type { DocumentText, FoundWord, PageText } from "../text/page-text.ts";

const LINES_PER_PAGE = 60;

/**
 * Plain text (an email's body, a .txt order) as pages laid out like a monospaced printout: 6 pt a
 * character, 12 pt a line, 60 lines a page, so its columns and rows read as a PDF's would.
 */
export function plainTextDocument(text: string, options: { engine?: PageText["engine"] } = {}): DocumentText {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\t/g, "    ").split("\n");
  const pages: PageText[] = [];
  for (let first = 0; first < Math.max(lines.length, 1); first += LINES_PER_PAGE) {
    const found: FoundWord[] = [];
    for (const [row, line] of lines.slice(first, first + LINES_PER_PAGE).entries()) {
      for (const match of line.matchAll(/\S+/g)) {
        const x0 = 36 + 6 * (match.index ?? 0);
        found.push({ text: match[0], box: { x0, y0: 36 + 12 * row, x1: x0 + 6 * match[0].length, y1: 46 + 12 * row } });
      }
    }
    const { text: laidOut, words } = composeLayout(found);
    pages.push({
      page: pages.length + 1,
      width: 612,
      height: 792,
      unit: "pt",
      engine: options.engine ?? "text",
      text: laidOut,
      words,
      confidence: null,
    });
  }
  return { kind: "text", pages };
}
