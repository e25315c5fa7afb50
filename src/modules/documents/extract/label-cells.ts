import type { PageWord } from "../text/page-text.ts";
import { foldHeader } from "./line-columns.ts";
import type { Cell } from "./page-lines.ts";

const tokensOf = (word: PageWord) => foldHeader(word.text).split(" ").filter(Boolean);

/**
 * The words of `cell` after `label` (folded tokens, "ship to") when the cell starts with it; null
 * when it does not. A colon or dash standing alone between the label and its value is left out.
 */
export function afterLabel(cell: Cell, label: string[]): PageWord[] | null {
  let at = 0;
  let index = 0;
  for (; index < cell.words.length && at < label.length; index++) {
    for (const token of tokensOf(cell.words[index] as PageWord)) {
      if (token !== label[at]) return null;
      at += 1;
    }
  }
  if (at < label.length) return null;
  return cell.words.slice(index).filter((word, position) => position > 0 || tokensOf(word).length > 0);
}
