import type { PageText, PageWord } from "../text/page-text.ts";

/** Marks OCR puts where a scan has a rule, a speck or a smudge; none of them is part of a line item's value. */
const JUNK = '~«»‘’“”"=+_|—–•°¢§¶{}\\[\\]<>^*!?;:`';
const INSIDE = new RegExp(`[${JUNK}]+`, "u");

export const isOcr = (page: PageText) => page.engine === "tesseract" || page.engine === "tesseract.js";

/**
 * An OCR'd line's words tidied for reading a table: marks at a word's ends are dropped ("~36:" is
 * 36, "Price’" is Price), a word that marks join is split at them ("36:«~BX" is 36 and BX, each
 * with its share of the box), and a word of marks alone ("|", "—") is no word. Each piece keeps
 * its offsets in the page's text (it is part of the word that was there). A "." or "-" at a word's
 * start is kept when a digit follows (".50", "-12.00"). A box far wider than its letters (OCR
 * took a smudge or a rule beside the word into it) is cut to its letters' width from its left edge.
 */
export function tidyOcrLine(words: PageWord[]): PageWord[] {
  return trimWideBoxes(splitAtMarks(words));
}

function splitAtMarks(words: PageWord[]): PageWord[] {
  const tidied: PageWord[] = [];
  for (const word of words) {
    const characters = word.text.length;
    const width = word.box.x1 - word.box.x0;
    let offset = 0;
    for (const part of word.text.split(INSIDE)) {
      const at = word.text.indexOf(part, offset);
      offset = at + part.length;
      const stripped = stripEdges(part);
      if (stripped.text === "") continue;
      const from = at + stripped.lead;
      const to = from + stripped.text.length;
      tidied.push({
        ...word,
        text: stripped.text,
        start: word.start + from,
        end: word.start + to,
        box: { ...word.box, x0: word.box.x0 + (width * from) / characters, x1: word.box.x0 + (width * to) / characters },
      });
    }
  }
  return tidied;
}

function stripEdges(text: string): { text: string; lead: number } {
  // A word with no letter, digit or sign of money, percent or number (a header's "#") is a mark.
  if (!/[\p{L}\p{N}$€£%#]/u.test(text)) return { text: "", lead: 0 };
  let lead = 0;
  let end = text.length;
  // Leading marks, but a sign or a decimal point before a digit stays.
  while (
    lead < end &&
    EDGES_LEAD.test(text[lead] as string) &&
    !(/[-.]/.test(text[lead] as string) && /\d/.test(text[lead + 1] ?? ""))
  )
    lead += 1;
  while (end > lead && EDGES_TRAIL.test(text[end - 1] as string)) end -= 1;
  return { text: text.slice(lead, end), lead };
}

const EDGES_LEAD = new RegExp(`[${JUNK}'.-]`, "u");
const EDGES_TRAIL = new RegExp(`[${JUNK}']`, "u");

/** Words' boxes no wider than twice what their letters take, at the line's typical letter width. */
function trimWideBoxes(words: PageWord[]): PageWord[] {
  const widths = words
    .filter((word) => word.text.length >= 3)
    .map((word) => (word.box.x1 - word.box.x0) / word.text.length)
    .sort((a, b) => a - b);
  const letter = widths[Math.floor(widths.length / 2)];
  if (letter === undefined || widths.length < 3) return words;
  return words.map((word) => {
    const wanted = letter * word.text.length;
    if (word.box.x1 - word.box.x0 <= 2 * wanted + letter) return word;
    return { ...word, box: { ...word.box, x1: word.box.x0 + wanted } };
  });
}
