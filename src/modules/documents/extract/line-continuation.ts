import type { ExtractedLine, ExtractedValue } from "./extracted.ts";
import { isAttributeLine } from "./shared-cells.ts";

/** What a table has shown of its second lines: how far below its item a description's next line stood. */
export type ContinuationSpacing = { tightGap: number | null };

const appended = (into: ExtractedValue, more: ExtractedValue, separator: string): ExtractedValue => ({
  ...into,
  value: `${into.value}${separator}${more.value}`,
  printed: `${into.printed}${separator}${more.printed}`,
  location: {
    ...into.location,
    end: more.location.end,
    box: { ...into.location.box, y1: Math.max(into.location.box.y1, more.location.box.y1) },
  },
});

/**
 * A row of description text alone under an item (`gap` below it, rows `height` tall): more of its
 * description, or its note. An attribute ("Serienummer: SDMPP373MPP15") is a note. A table that
 * sets its descriptions' second lines tight under their items (under 0.6 of a row's height) sets a
 * row at a row's spacing apart as its own: the item's note ("Our Olive Oil is delivered in a
 * re-usable glass container"), not its description.
 */
export function continueLine(
  previous: ExtractedLine,
  more: ExtractedValue,
  gap: number,
  height: number,
  spacing: ContinuationSpacing,
): void {
  const tight = gap < 0.6 * height;
  const apart = spacing.tightGap !== null && !tight && gap > 2 * spacing.tightGap;
  const note = previous.fields.note;
  if (isAttributeLine(more.value) || apart) {
    previous.fields.note = note ? appended(note, more, "\n") : more;
    return;
  }
  const description = previous.fields.description;
  if (!description) return;
  if (tight) spacing.tightGap = Math.max(spacing.tightGap ?? 0, gap);
  previous.fields.description = appended(description, more, " ");
}
