import { composeLayout } from "../text/compose-layout.ts";
import type { DocumentText, FoundWord } from "../text/page-text.ts";

/** A one-page text-layer document whose lines are `lines` (6 pt a character, 12 pt a line, on a US letter page). */
export function textOf(lines: string[]): DocumentText {
  const found: FoundWord[] = [];
  for (const [row, line] of lines.entries()) {
    for (const match of line.matchAll(/\S+/g)) {
      const x0 = 36 + 6 * (match.index ?? 0);
      found.push({ text: match[0], box: { x0, y0: 36 + 12 * row, x1: x0 + 6 * match[0].length, y1: 46 + 12 * row } });
    }
  }
  const { text, words } = composeLayout(found);
  return {
    kind: "pdf",
    pages: [{ page: 1, width: 612, height: 792, unit: "pt", engine: "pdfjs", text, words, confidence: null }],
  };
}
