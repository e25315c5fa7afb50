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
    const word = cell.words[index] as PageWord;
    const tokens = tokensOf(word);
    for (const [position, token] of tokens.entries()) {
      if (at === label.length) {
        // The value glued to the label's last word: "n°562044387", "No.12345".
        return [gluedRest(word, tokens.slice(0, position)), ...cell.words.slice(index + 1)];
      }
      if (token !== label[at]) return null;
      at += 1;
    }
  }
  if (at < label.length) return null;
  return cell.words.slice(index).filter((word, position) => position > 0 || tokensOf(word).length > 0);
}

/** What follows `consumed` (folded tokens) in a word, as a word of its own at the same place. */
function gluedRest(word: PageWord, consumed: string[]): PageWord {
  let text = word.text;
  for (const token of consumed) {
    const at = text.toLowerCase().indexOf(token);
    text = text.slice(at + token.length);
  }
  const rest = text.replace(/^[^\p{L}\p{N}]+/u, "");
  return { ...word, text: rest, start: word.end - rest.length };
}

/**
 * The words after the colon that follows `phrase` (folded tokens) anywhere in `cell`: "Please use
 * the following communication for your payment : 202309097001". Null when the cell has no such phrase.
 */
export function afterPhrase(cell: Cell, phrase: string[]): PageWord[] | null {
  const tokens = cell.words.flatMap((word, index) => tokensOf(word).map((token) => ({ token, index })));
  for (let at = 0; at + phrase.length <= tokens.length; at++) {
    if (!phrase.every((token, offset) => tokens[at + offset]?.token === token)) continue;
    const after = (tokens[at + phrase.length - 1]?.index ?? 0) + 1;
    const colon = cell.words.findIndex((word, index) => index >= after - 1 && /:$/.test(word.text));
    if (colon < 0 || colon > after + 1) return null;
    return cell.words.slice(colon + 1);
  }
  return null;
}
