import type { FoundWord, PageWord } from "./page-text.ts";

/**
 * Lays out a page's words as text that keeps the page's shape: words on one line of the page go on
 * one line of text, each at the column its left edge stands at (on a grid of the page's typical
 * character width), and a wide gap between lines is kept as one empty line. The same composer
 * serves every engine, so what reads a document's text sees the same shape whether the page had a
 * text layer or was OCR'd, and every word keeps its offsets in the text.
 */
export function composeLayout(found: readonly FoundWord[]): { text: string; words: PageWord[] } {
  const words = found.filter(
    (word) => word.text.trim() !== "" && word.box.x1 >= word.box.x0 && word.box.y1 >= word.box.y0 && !isSpeck(word),
  );
  if (words.length === 0) return { text: "", words: [] };
  const charWidth = median(words.map((word) => (word.box.x1 - word.box.x0) / [...word.text].length)) || 1;
  const lineHeight = median(words.map((word) => word.box.y1 - word.box.y0)) || 1;
  const left = Math.min(...words.map((word) => word.box.x0));

  let text = "";
  const placed: PageWord[] = [];
  let previousBottom: number | null = null;
  let lineNumber = 0;
  const lines = words.every((word) => word.lineKey !== undefined) ? linesByKey(words) : groupLines(words);
  for (const line of lines) {
    const top = Math.min(...line.map((word) => word.box.y0));
    if (previousBottom !== null) {
      text += "\n";
      if (top - previousBottom > lineHeight * 1.2) text += "\n";
    }
    previousBottom = Math.max(...line.map((word) => word.box.y1));
    let column = 0;
    let row = "";
    let previous: FoundWord | null = null;
    for (const word of line) {
      const wanted = Math.round((word.box.x0 - left) / charWidth);
      // Words of one phrase (a gap under one and a half of their own characters: a space is about one) keep one space between them,
      // whatever their size; farther apart, a word goes to its column, so a table's columns line up.
      const phrase = previous !== null && continuesPhrase(previous.box.x1, word);
      const at = row === "" ? Math.max(0, wanted) : phrase ? column + 1 : Math.max(column + 1, wanted);
      previous = word;
      row += " ".repeat(at - column);
      const start = text.length + row.length;
      row += word.text;
      column = at + word.text.length;
      placed.push({ ...word, start, end: start + word.text.length, line: lineNumber });
    }
    text += row;
    lineNumber += 1;
  }
  return { text, words: placed };
}

/**
 * Words whose vertical middles fall within one another's height form a line (a line of a scan
 * tilts a little, and small print beside large print shares the large print's line); each line's
 * words from left to right, the lines from top to bottom.
 */
function groupLines(words: readonly FoundWord[]): FoundWord[][] {
  const byMiddle = [...words].sort((a, b) => middle(a) - middle(b) || a.box.x0 - b.box.x0);
  const lines: { words: FoundWord[]; top: number; bottom: number; middle: number }[] = [];
  for (const word of byMiddle) {
    const line = lines.at(-1);
    const height = word.box.y1 - word.box.y0;
    if (line && Math.abs(middle(word) - line.middle) <= Math.max(1, Math.min(height, line.bottom - line.top) / 2)) {
      line.words.push(word);
      line.middle += (middle(word) - line.middle) / line.words.length;
      line.top = Math.min(line.top, word.box.y0);
      line.bottom = Math.max(line.bottom, word.box.y1);
      continue;
    }
    lines.push({ words: [word], top: word.box.y0, bottom: word.box.y1, middle: middle(word) });
  }
  return lines.map((line) => line.words.sort((a, b) => a.box.x0 - b.box.x0));
}

/** Lines as the OCR engine found them (following the scan's tilt), top to bottom by their middles. */
function linesByKey(words: readonly FoundWord[]): FoundWord[][] {
  const lines = new Map<string, FoundWord[]>();
  for (const word of words) {
    const line = lines.get(word.lineKey as string) ?? [];
    line.push(word);
    lines.set(word.lineKey as string, line);
  }
  const meanMiddle = (line: FoundWord[]) => line.reduce((sum, word) => sum + middle(word), 0) / line.length;
  return [...lines.values()]
    .sort((a, b) => meanMiddle(a) - meanMiddle(b))
    .map((line) => line.sort((a, b) => a.box.x0 - b.box.x0));
}

const ownCharWidth = (word: FoundWord) => (word.box.x1 - word.box.x0) / Math.max(1, [...word.text].length);

/** Whether `word` goes on the phrase that ends at `end`: a gap under one and a half of its own characters (a space is about one). */
export const continuesPhrase = (end: number, word: FoundWord) => word.box.x0 - end < 1.5 * ownCharWidth(word);

/** What OCR makes of a scan's dust: a mark with no letter or digit that it was unsure of. */
const isSpeck = (word: FoundWord) => word.confidence !== undefined && word.confidence < 60 && !/[\p{L}\p{N}]/u.test(word.text);

const middle = (word: FoundWord) => (word.box.y0 + word.box.y1) / 2;

function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[half] as number) : ((sorted[half - 1] as number) + (sorted[half] as number)) / 2;
}
