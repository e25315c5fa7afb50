import type { RedactedSpan } from "./personal-data.ts";

/**
 * Puts the originals back into text that came back from outside the tenant. A model may repeat,
 * drop or reorder placeholders, so each placeholder is looked up wherever it appears; one it never
 * saw (or invented) is left as written.
 */
const PLACEHOLDER = /\[[A-Z]+(?:_[A-Z]+)*_\d+\]/g;

export function restorePersonalData(text: string, found: RedactedSpan[]): string {
  const originals = new Map(found.map((span) => [span.placeholder, span.original]));
  return text.replace(PLACEHOLDER, (placeholder) => originals.get(placeholder) ?? placeholder);
}
