import { continuesPhrase } from "../text/compose-layout.ts";
import type { PageText, PageWord } from "../text/page-text.ts";
import type { Location } from "./extracted.ts";

/** Words of one line close enough to read as one phrase ("Unit Price", "Part HIS-ELE-10112"). */
export type Cell = { text: string; words: PageWord[]; x0: number; x1: number };

/** A line's words in cells: the words of one phrase, as the layout composer spaces them, belong together. */
export function cellsOf(words: PageWord[]): Cell[] {
  const cells: Cell[] = [];
  for (const word of words) {
    const last = cells.at(-1);
    if (last && continuesPhrase(last.x1, word)) {
      last.words.push(word);
      last.text += ` ${word.text}`;
      last.x1 = word.box.x1;
      continue;
    }
    cells.push({ text: word.text, words: [word], x0: word.box.x0, x1: word.box.x1 });
  }
  return cells;
}

/** A page's words by line, top to bottom. */
export function linesOf(page: PageText): PageWord[][] {
  const lines: PageWord[][] = [];
  for (const word of page.words) {
    const line = lines[word.line] ?? [];
    line.push(word);
    lines[word.line] = line;
  }
  return lines.filter(Boolean);
}

/** Where some words stand: their span of the page's text and the box around them. */
export function locate(words: PageWord[], page: number): Location {
  return {
    page,
    start: Math.min(...words.map((word) => word.start)),
    end: Math.max(...words.map((word) => word.end)),
    box: {
      x0: Math.min(...words.map((word) => word.box.x0)),
      y0: Math.min(...words.map((word) => word.box.y0)),
      x1: Math.max(...words.map((word) => word.box.x1)),
      y1: Math.max(...words.map((word) => word.box.y1)),
    },
  };
}
