import type { PageWord } from "../text/page-text.ts";
import { type NumberStyle, readAmount } from "../values/read-amount.ts";
import { type DateStyle, readDate } from "../values/read-date.ts";
import type { ValueType } from "./header-labels.ts";

/** How a document writes its dates and numbers. */
export type Styles = { dates: DateStyle; numbers: NumberStyle };

/** The Incoterms (2010, 2020): a delivery term is one of these. */
const INCOTERMS = new Set(["EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DAT", "DDP", "DDU"]);

const stripped = (text: string) => text.replace(/[.,;:]+$/, "");

/**
 * Candidate words read as a field's type: its normalised value and the words it took; null when
 * they are not one (an identifier has a digit, a date reads as a date, an amount as an amount).
 */
export function asType(type: ValueType, candidate: PageWord[], styles: Styles): { value: string; words: PageWord[] } | null {
  // "Invoice No : # BLR_…": a number sign standing alone before an identifier is not part of it.
  const words = type === "id" && candidate[0]?.text === "#" ? candidate.slice(1) : candidate;
  if (words.length === 0) return null;
  const text = words.map((word) => word.text).join(" ");
  switch (type) {
    case "id": {
      const [first] = words;
      const id = stripped(first?.text ?? "");
      return /\d/.test(id) && /^[\p{L}\p{N}][\p{L}\p{N}\-/.#_]*$/u.test(id) ? { value: id, words: [first as PageWord] } : null;
    }
    case "date":
      // "August 3 , 2014" takes four words.
      for (let length = Math.min(4, words.length); length > 0; length--) {
        const date = readDate(
          stripped(
            words
              .slice(0, length)
              .map((word) => word.text)
              .join(" "),
          ),
          styles.dates,
        );
        if (date) return { value: date, words: words.slice(0, length) };
      }
      return null;
    case "amount": {
      // "29.99 € TTC": words without a digit after the amount say what it includes.
      for (let length = words.length; length > 0; length--) {
        if (words.slice(length).some((word) => /\d/.test(word.text))) break;
        const amount = readAmount(
          words
            .slice(0, length)
            .map((word) => word.text)
            .join(" "),
          styles.numbers,
        );
        if (amount) return { value: amount.value, words: words.slice(0, length) };
      }
      return null;
    }
    case "measure": {
      // A number and its unit ("796 LB"): the number.
      const [first, unit] = words;
      const amount = first ? readAmount(first.text) : null;
      return amount && (!unit || /^\p{L}{1,4}$/u.test(unit.text)) && words.length <= 2
        ? { value: amount.value, words: [first as PageWord] }
        : null;
    }
    case "count": {
      const [first] = words;
      return first && /^\d+$/.test(first.text) ? { value: String(Number(first.text)), words: [first] } : null;
    }
    case "code":
      return words.length <= 3 && /^[\p{L}\p{N}][\p{L}\p{N}/%.\- ]{0,20}$/u.test(text) ? { value: text, words } : null;
    case "incoterm": {
      const [first] = words;
      const term = stripped(first?.text ?? "").toUpperCase();
      return INCOTERMS.has(term) ? { value: term, words: [first as PageWord] } : null;
    }
    case "yes-no": {
      const [first] = words;
      if (!first) return null;
      if (/^(yes|y|x)$/i.test(first.text)) return { value: "true", words: [first] };
      if (/^(no|n|none)$/i.test(first.text)) return { value: "false", words: [first] };
      return null;
    }
    case "text":
      return words.length <= 8 && /\p{L}/u.test(text) ? { value: text, words } : null;
  }
}
