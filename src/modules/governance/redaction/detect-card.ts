import { luhnValid } from "../identifiers/luhn.ts";
import type { Detection } from "./personal-data.ts";

/**
 * Payment card numbers: 13–19 digits that pass the Luhn check, either in the groups cards are
 * printed in (4-4-4-4, 4-6-5 …, one separator throughout) or unbroken with a card brand's prefix.
 * A longer digit run is tried group by group from the right, so "4111 1111 1111 1111 12 pcs" still
 * yields the card.
 */
const CANDIDATE = /(?<![\w.,-])\d{4}(?:[ \u00a0-]\d{1,6})+(?![\w]|[-.,]\d)|(?<![\w.,-])\d{13,19}(?![\w]|[-.,]\d)/g;
const BRAND = /^(?:4|5[1-5]|2[2-7]|3[47]|3[068]|35|6(?:011|5|4[4-9]|2))/;

function groupedShape(groups: string[]): boolean {
  const sizes = groups.map((g) => g.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total < 13 || total > 19) return false;
  const fours = sizes.slice(0, -1).every((s) => s === 4) && (sizes.at(-1) ?? 0) <= 4 && sizes.length >= 4;
  const amexOrDiners = sizes.length === 3 && sizes[0] === 4 && sizes[1] === 6 && (sizes[2] === 5 || sizes[2] === 4);
  return fours || amexOrDiners;
}

function cardLength(candidate: string): number | undefined {
  if (/^\d+$/.test(candidate)) return BRAND.test(candidate) && luhnValid(candidate) ? candidate.length : undefined;
  const separator = candidate[4];
  const groups = candidate.split(/[ \u00a0-]/);
  if (groups.some((_, i) => i > 0 && candidate[groups.slice(0, i).join(" ").length] !== separator)) return undefined;
  for (let k = groups.length; k >= 3; k--) {
    const kept = groups.slice(0, k);
    if (groupedShape(kept) && luhnValid(kept.join(""))) return kept.join(" ").length;
  }
  return undefined;
}

export function detectCard(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const length = cardLength(m[0]);
    if (length !== undefined) out.push({ kind: "card", start: m.index, end: m.index + length });
  }
  return out;
}
