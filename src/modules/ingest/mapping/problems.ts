import { formatPath, type PathKey } from "./path.ts";

/**
 * Something wrong with a spec (`path` into the spec: `records[0].fields.status.map`) or with a
 * payload (`path` into the payload: `line_items[2].price`, `$` for the whole of it).
 */
export type MappingProblem = { path: string; message: string };

/** A place in the spec, written like a payload path; "" is the spec itself. */
export function specPath(at: readonly PathKey[]): string {
  return at.length === 0 ? "" : formatPath(at);
}

/** A value as a problem message quotes it: short, and never a whole object. */
export function preview(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : typeof value;
}

/** Edit distance between two short names. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] as number;
}

/** The names within two edits of `name`: what "did you mean" offers. */
export function closest(name: string, known: readonly string[]): string[] {
  if (name.length > 64) return [];
  const most = name.length <= 4 ? 1 : 2;
  return known.filter((candidate) => distance(name.toLowerCase(), candidate.toLowerCase()) <= most);
}
