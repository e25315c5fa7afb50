import type { Random } from "../../random.ts";

/** `count` rows, drawn first from `preferred` and then, if it runs short, from `others`. */
export function pickPreferring<T>(random: Random, preferred: readonly T[], others: readonly T[], count: number): T[] {
  const chosen = random.sample(preferred, Math.min(count, preferred.length));
  if (chosen.length < count) chosen.push(...random.sample(others, count - chosen.length));
  return chosen;
}

/**
 * Gives each partner a template, in the order partners first appear, cycling through `layouts` in
 * a seeded order: every template is used once there are as many partners, and a partner keeps its own.
 * With `first`, the first partner gets that template instead, and no one else does.
 */
export function assignLayouts<L>(
  random: Random,
  partnerIds: readonly string[],
  layouts: readonly L[],
  first?: L,
): Map<string, L> {
  const order = random.shuffle(layouts);
  const assigned = new Map<string, L>();
  const [firstId] = partnerIds;
  if (first !== undefined && firstId !== undefined) assigned.set(firstId, first);
  const offset = assigned.size;
  for (const id of partnerIds) {
    if (!assigned.has(id)) assigned.set(id, order[(assigned.size - offset) % order.length] as L);
  }
  return assigned;
}

export function byKey<T>(key: (row: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const [left, right] = [key(a), key(b)];
    return left < right ? -1 : left > right ? 1 : 0;
  };
}
