/** One of several wordings of a clause, chosen by a number drawn once per document. */
export function wording<T>(choice: number, variants: readonly T[]): T {
  return variants[choice % variants.length] as T;
}

/** `a`, `a and b`, `a, b and c`. */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
