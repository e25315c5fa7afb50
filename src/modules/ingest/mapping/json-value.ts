import type { JsonValue } from "./contract/mapping-spec.ts";
import { describeValue, type Parsed } from "./path.ts";

/** Absent, null, or text with nothing but spaces: what `default` and `required` treat as no value. */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** A single value as text, for templates, joins, map look-ups and text fields. */
export function scalarText(value: unknown): Parsed<string> {
  if (typeof value === "string") return { ok: true, value };
  if (typeof value === "number")
    return Number.isFinite(value) ? { ok: true, value: String(value) } : { ok: false, message: "is not a finite number" };
  if (typeof value === "boolean" || typeof value === "bigint") return { ok: true, value: String(value) };
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? { ok: false, message: "is an invalid date" }
      : { ok: true, value: value.toISOString() };
  return { ok: false, message: `is ${describeValue(value)}, not a single value` };
}

/**
 * A copy of a value as plain JSON, no deeper than `maxDepth` and with at most `maxNodes` nodes:
 * what `attributes` may carry from a payload. Dates become ISO text; functions, symbols and
 * non-finite numbers are refused.
 */
export function toJsonValue(
  value: unknown,
  maxDepth: number,
  maxNodes: number,
): { ok: true; value: JsonValue; nodes: number } | { ok: false; message: string } {
  const walk: CopyWalk = { nodes: 0, maxDepth, maxNodes };
  const result = copyJson(walk, value, 0);
  return result.ok ? { ok: true, value: result.value, nodes: walk.nodes } : result;
}

/** How far a copy has gone. Module-level functions, not closures: a mapping copies on every payload. */
type CopyWalk = { nodes: number; maxDepth: number; maxNodes: number };

const fail = (message: string) => ({ ok: false as const, message });

function copyJson(walk: CopyWalk, item: unknown, depth: number): Parsed<JsonValue> {
  if (++walk.nodes > walk.maxNodes) return fail(`has more than ${walk.maxNodes} values`);
  if (item === null || typeof item === "string" || typeof item === "boolean") return { ok: true, value: item };
  if (typeof item === "number") return Number.isFinite(item) ? { ok: true, value: item } : fail("holds a non-finite number");
  if (typeof item === "bigint") return { ok: true, value: String(item) };
  if (item instanceof Date) return scalarText(item);
  if (typeof item !== "object") return fail(`holds ${describeValue(item)}, which is not JSON data`);
  if (depth >= walk.maxDepth) return fail(`is nested more than ${walk.maxDepth} levels deep`);
  if (Array.isArray(item)) {
    const out: JsonValue[] = [];
    for (const element of item) {
      const copied = copyJson(walk, element === undefined ? null : element, depth + 1);
      if (!copied.ok) return copied;
      out.push(copied.value);
    }
    return { ok: true, value: out };
  }
  const entries: [string, JsonValue][] = [];
  for (const key of Object.keys(item)) {
    const element = (item as Record<string, unknown>)[key];
    if (element === undefined) continue;
    const copied = copyJson(walk, element, depth + 1);
    if (!copied.ok) return copied;
    entries.push([key, copied.value]);
  }
  // fromEntries defines own properties, so a "__proto__" key stays a key.
  return { ok: true, value: Object.fromEntries(entries) };
}

/**
 * How deep and how big a JSON-like value is, walked without recursion, so a spec nested a
 * million levels deep is measured (and refused) rather than overflowing the stack.
 */
export function fitsJson(value: unknown, maxDepth: number, maxNodes: number): Parsed<true> {
  const stack: [unknown, number][] = [[value, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (++nodes > maxNodes) return { ok: false, message: `has more than ${maxNodes} values` };
    if (item === null || typeof item !== "object") continue;
    if (depth >= maxDepth) return { ok: false, message: `is nested more than ${maxDepth} levels deep` };
    const children = Array.isArray(item) ? item : Object.values(item);
    if (nodes + stack.length + children.length > maxNodes) return { ok: false, message: `has more than ${maxNodes} values` };
    for (const child of children) stack.push([child, depth + 1]);
  }
  return { ok: true, value: true };
}

/** The first own `__proto__` key in a JSON value (JSON.parse makes them), which parsing would silently drop. */
export function findProtoKey(value: unknown): (string | number)[] | undefined {
  const stack: [unknown, (string | number)[]][] = [[value, []]];
  while (stack.length > 0) {
    const [item, at] = stack.pop() as [unknown, (string | number)[]];
    if (item === null || typeof item !== "object") continue;
    if (!Array.isArray(item) && Object.hasOwn(item, "__proto__")) return [...at, "__proto__"];
    for (const [key, child] of Object.entries(item)) stack.push([child, [...at, Array.isArray(item) ? Number(key) : key]]);
  }
  return undefined;
}
