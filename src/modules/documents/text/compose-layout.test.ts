import { describe, expect, it } from "vitest";
import { composeLayout } from "./compose-layout.ts";
import type { FoundWord } from "./page-text.ts";

/** A word of `text` at column `x` (6 pt per character, 10 pt tall) on the line whose top is `y`. */
const word = (text: string, x: number, y: number, confidence?: number): FoundWord => ({
  text,
  box: { x0: x, y0: y, x1: x + 6 * text.length, y1: y + 10 },
  ...(confidence === undefined ? {} : { confidence }),
});

describe("composeLayout", () => {
  it("puts the words of one line on one line, columns where they stand, a phrase's words one space apart", () => {
    const { text, words } = composeLayout([
      word("Amount", 300, 50),
      word("Item", 0, 50),
      word("Nitrile", 0, 62),
      word("gloves", 45, 62),
      word("299.20", 300, 63),
    ]);
    expect(text).toBe(
      [
        "Item                                              Amount",
        "Nitrile gloves                                    299.20",
      ].join("\n"),
    );
    for (const placed of words) expect(text.slice(placed.start, placed.end)).toBe(placed.text);
    expect(words.map((placed) => [placed.text, placed.line])).toEqual([
      ["Item", 0],
      ["Amount", 0],
      ["Nitrile", 1],
      ["gloves", 1],
      ["299.20", 1],
    ]);
  });

  it("keeps a wide gap between lines as one empty line, and drops OCR's unsure specks but not its unsure words", () => {
    const { text } = composeLayout([
      word("Total", 0, 0),
      word("-", 100, 3, 20),
      word("Signed", 0, 80, 41),
      word("»", 60, 80, 95),
    ]);
    expect(text).toBe("Total\n\nSigned    »");
  });

  it("follows the OCR engine's own lines, which follow a tilted scan, rather than the words' heights", () => {
    // A line tilted down to the right: its last word stands a whole line lower than its first.
    const tilted = [
      { ...word("Item", 0, 50), lineKey: "1.1.1" },
      { ...word("Amount", 300, 60), lineKey: "1.1.1" },
      { ...word("HIS-1", 0, 62), lineKey: "1.1.2" },
      { ...word("9.35", 300, 72), lineKey: "1.1.2" },
    ];
    expect(composeLayout(tilted).text.split("\n")).toEqual([
      "Item                                              Amount",
      "HIS-1                                             9.35",
    ]);
    expect(composeLayout(tilted.map(({ lineKey: _, ...rest }) => rest)).text.split("\n")).toHaveLength(3);
  });

  it("gives nothing for a page without words", () => {
    expect(composeLayout([])).toEqual({ text: "", words: [] });
  });
});
