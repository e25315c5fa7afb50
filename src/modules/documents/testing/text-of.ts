import { plainTextDocument } from "../intake/plain-text.ts";
import type { DocumentText } from "../text/page-text.ts";

/** A one-page text-layer document whose lines are `lines` (6 pt a character, 12 pt a line, on a US letter page). */
export function textOf(lines: string[]): DocumentText {
  return { ...plainTextDocument(lines.join("\n"), { engine: "pdfjs" }), kind: "pdf" };
}
