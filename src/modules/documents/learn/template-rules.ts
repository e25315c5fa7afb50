import type { DocumentKind } from "../classify/document-kinds.ts";
import type { ExtractedValue } from "../extract/extracted.ts";
import { HEADER_SPECS, type ValueType } from "../extract/header-labels.ts";
import { type Cell, cellsOf, linesOf, locate } from "../extract/page-lines.ts";
import type { PageText, PageWord } from "../text/page-text.ts";
import { readAmount } from "../values/read-amount.ts";
import { readDate } from "../values/read-date.ts";

/**
 * Where a sender prints a field, as a reviewer showed: the words that label it (its anchor) and
 * where the value stands from them — in the same cell after them ("Ref: 4711"), in the next cell
 * on the line, or in the cell under them.
 */
export type TemplateRule = { field: string; anchor: string; position: "in_cell" | "right" | "below" };

const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[:#.]+$/, "")
    .trim();

const typeOf = (kind: DocumentKind, field: string): ValueType =>
  HEADER_SPECS[kind]?.find((spec) => spec.field === field)?.type ?? "text";

/** A printed value as the field's type reads it (null when it does not read as one). */
function readAsType(type: ValueType, printed: string): string | null {
  const text = printed.trim();
  if (text === "") return null;
  if (type === "date") return readDate(text) ?? readDate(text, { order: "day-first" });
  if (type === "amount") return readAmount(text)?.value ?? null;
  if (type === "id" && !/\d/.test(text)) return null;
  return text;
}

const sameValue = (type: ValueType, printed: string, value: string) => {
  if (type === "date") return readDate(printed) === value || readDate(printed, { order: "day-first" }) === value;
  if (type === "amount") {
    const read = readAmount(printed)?.value;
    return read !== undefined && Number(read) === Number(value);
  }
  return fold(printed) === fold(value);
};

type Placed = { cells: Cell[][]; page: PageText };

const placedOf = (pages: PageText[]): Placed[] => pages.map((page) => ({ page, cells: linesOf(page).map(cellsOf) }));

/** Words that can label a value: letters, no digits (a cell with digits is another value, different on every document). */
const isAnchor = (text: string) => text !== "" && /\p{L}/u.test(text) && !/\d/.test(text);

const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0);

/**
 * The rule a reviewer's value teaches: the value is looked for among the words of the document's
 * pages (as its type reads: a date as a date, an amount as an amount), and its anchor is what
 * stands before it in its cell, else the cell before it on its line, else the cell above it —
 * words without digits (a cell of digits beside it is another value, not a label).
 */
export function learnRule(kind: DocumentKind, pages: PageText[], field: string, value: string): TemplateRule | null {
  const type = typeOf(kind, field);
  for (const { cells } of placedOf(pages)) {
    for (const [row, line] of cells.entries()) {
      for (const [column, cell] of line.entries()) {
        for (let start = 0; start < cell.words.length; start++) {
          for (let end = start + 1; end <= Math.min(cell.words.length, start + 6); end++) {
            const printed = cell.words
              .slice(start, end)
              .map((word) => word.text)
              .join(" ");
            if (!sameValue(type, printed, value)) continue;
            if (start > 0) {
              const anchor = fold(
                cell.words
                  .slice(0, start)
                  .map((word) => word.text)
                  .join(" "),
              );
              if (isAnchor(anchor)) return { field, anchor, position: "in_cell" };
            }
            const before = line[column - 1];
            if (before && isAnchor(fold(before.text))) return { field, anchor: fold(before.text), position: "right" };
            const above = cells[row - 1]?.find((candidate) => overlaps(candidate, cell));
            if (above && isAnchor(fold(above.text))) return { field, anchor: fold(above.text), position: "below" };
          }
        }
      }
    }
  }
  return null;
}

const confidenceOf = (words: PageWord[]) =>
  Math.round(0.9 * Math.min(1, ...words.map((word) => (word.confidence === undefined ? 1 : word.confidence / 100))) * 100) / 100;

/** A sender's rules applied to a document of theirs: each field found where the rule says, read as its type. */
export function applyRules(kind: DocumentKind, pages: PageText[], rules: TemplateRule[]): Record<string, ExtractedValue> {
  const found: Record<string, ExtractedValue> = {};
  const placed = placedOf(pages);
  for (const rule of rules) {
    const type = typeOf(kind, rule.field);
    search: for (const { page, cells } of placed) {
      for (const [row, line] of cells.entries()) {
        for (const [column, cell] of line.entries()) {
          let words: PageWord[] | undefined;
          if (rule.position === "in_cell") {
            const size = rule.anchor.split(" ").length;
            if (
              cell.words.length > size &&
              fold(
                cell.words
                  .slice(0, size)
                  .map((word) => word.text)
                  .join(" "),
              ) === rule.anchor
            )
              words = cell.words.slice(size);
          } else if (fold(cell.text) === rule.anchor) {
            words =
              rule.position === "right"
                ? line[column + 1]?.words
                : cells[row + 1]?.find((candidate) => overlaps(candidate, cell))?.words;
          }
          if (!words || words.length === 0) continue;
          const printed = words.map((word) => word.text).join(" ");
          const value = readAsType(type, printed);
          if (value === null) continue;
          found[rule.field] = { value, printed, confidence: confidenceOf(words), location: locate(words, page.page) };
          break search;
        }
      }
    }
  }
  return found;
}
