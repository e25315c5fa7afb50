import { senderKeyOf } from "../process/document-identity.ts";

/** Letter pairs of a name's folded words, for a similarity that forgives a typo or a dropped word. */
function pairs(text: string): string[] {
  const found: string[] = [];
  for (const word of senderKeyOf(text).split(" "))
    for (let at = 0; at < word.length - 1; at++) found.push(word.slice(at, at + 2));
  return found;
}

/** How alike two names are, 0 to 1 (Dice's coefficient on letter pairs of their folded words). */
export function nameSimilarity(a: string, b: string): number {
  const left = pairs(a);
  const right = pairs(b);
  if (left.length === 0 || right.length === 0) return senderKeyOf(a) === senderKeyOf(b) ? 1 : 0;
  const counts = new Map<string, number>();
  for (const pair of right) counts.set(pair, (counts.get(pair) ?? 0) + 1);
  let shared = 0;
  for (const pair of left) {
    const count = counts.get(pair) ?? 0;
    if (count > 0) {
      shared += 1;
      counts.set(pair, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** Below this, a printed name is no record's name. */
export const NAME_MATCH = 0.8;

/** The record whose name is most like `name`, if alike enough. */
export function bestByName<T extends { name: string }>(
  name: string,
  candidates: readonly T[],
): { record: T; similarity: number } | null {
  let best: { record: T; similarity: number } | null = null;
  for (const record of candidates) {
    const similarity = nameSimilarity(name, record.name);
    if (!best || similarity > best.similarity) best = { record, similarity };
  }
  return best && best.similarity >= NAME_MATCH ? best : null;
}
