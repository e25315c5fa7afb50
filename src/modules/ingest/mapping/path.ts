import { MAPPING_LIMITS } from "./contract/limits.ts";

/**
 * Paths into a payload. The syntax (see README.md):
 *
 *   customer.id            keys, separated by dots
 *   line_items[0].sku      an element of a list; [-1] is the last one
 *   line_items[*]          every element of a list (only where a path names a collection: `each`)
 *   ["Order No"]           a key with spaces, dots or brackets, written as a JSON string
 *   parties[role=ST].id    the first element of a list whose `role` is "ST" (EDI loops, name/value lists)
 *   $.currency             from the payload's root, wherever the path is used
 *   ^.currency             from the enclosing element (inside a line: its record's)
 *
 * A path is read step by step over own properties only: no code runs, `__proto__` is just a key,
 * and how deep the payload is does not matter, only how long the path is.
 */

export type PathKey = string | number;
export type Segment =
  | { kind: "key"; key: string }
  | { kind: "index"; index: number }
  | { kind: "each" }
  | { kind: "match"; key: string; value: string };
export type Anchor = "current" | "root" | "parent";
export type ParsedPath = { text: string; anchor: Anchor; segments: Segment[]; hasEach: boolean };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const BARE_KEY = /^[^.[\]"]+$/;

export function parsePath(text: string): Parsed<ParsedPath> {
  if (text.length === 0) return { ok: false, message: "must not be empty" };
  if (text.length > MAPPING_LIMITS.pathLength)
    return { ok: false, message: `must be at most ${MAPPING_LIMITS.pathLength} characters` };
  let at = 0;
  let anchor: Anchor = "current";
  const first = text[0];
  if (first === "$" || first === "^") {
    const next = text[1];
    if (next !== undefined && next !== "." && next !== "[")
      return { ok: false, message: `a key that starts with ${first} is written in brackets: ["${text.split(/[.[]/)[0]}"]` };
    anchor = first === "$" ? "root" : "parent";
    at = 1;
    if (next === ".") {
      at = 2;
      if (at === text.length) return { ok: false, message: `expected a key after "${first}."` };
    }
  }
  const segments: Segment[] = [];
  // A bare key may start the path (after no anchor) or follow a dot.
  let expectKey = anchor === "current" || text[at - 1] === ".";
  while (at < text.length) {
    const char = text[at];
    if (char === "[") {
      const bracket = readBracket(text, at);
      if (!bracket.ok) return bracket;
      segments.push(bracket.value.segment);
      at = bracket.value.end;
      expectKey = false;
    } else if (char === "." && !expectKey) {
      at++;
      if (at === text.length) return { ok: false, message: "must not end with a dot" };
      expectKey = true;
    } else if (expectKey) {
      let end = at;
      while (end < text.length && text[end] !== "." && text[end] !== "[") end++;
      const key = text.slice(at, end);
      if (!BARE_KEY.test(key))
        return { ok: false, message: `"${key}" at position ${at + 1}: a key with ] or " in it is written as ["…"]` };
      segments.push({ kind: "key", key });
      at = end;
      expectKey = false;
    } else {
      return { ok: false, message: `expected . or [ at position ${at + 1}` };
    }
    if (segments.length > MAPPING_LIMITS.pathSegments)
      return { ok: false, message: `must have at most ${MAPPING_LIMITS.pathSegments} steps` };
  }
  if (expectKey && anchor === "current" && segments.length === 0) return { ok: false, message: "must not be empty" };
  return { ok: true, value: { text, anchor, segments, hasEach: segments.some((segment) => segment.kind === "each") } };
}

function readBracket(text: string, start: number): Parsed<{ segment: Segment; end: number }> {
  const close = (end: number, segment: Segment): Parsed<{ segment: Segment; end: number }> =>
    text[end] === "]"
      ? { ok: true, value: { segment, end: end + 1 } }
      : { ok: false, message: `expected ] at position ${end + 1}` };
  const inner = start + 1;
  if (text[inner] === "*") return close(inner + 1, { kind: "each" });
  if (text[inner] === '"') {
    let end = inner + 1;
    while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
    if (end >= text.length) return { ok: false, message: `unterminated "…" key at position ${inner + 1}` };
    let key: unknown;
    try {
      key = JSON.parse(text.slice(inner, end + 1));
    } catch {
      return { ok: false, message: `the key at position ${inner + 1} is not a valid JSON string` };
    }
    return close(end + 1, { kind: "key", key: String(key) });
  }
  const match = /^([A-Za-z0-9_-]{1,64})=/.exec(text.slice(inner, inner + 66));
  if (match) {
    const valueStart = inner + match[0].length;
    if (text[valueStart] === '"') {
      const quoted = readBracket(text, valueStart - 1);
      if (!quoted.ok || quoted.value.segment.kind !== "key")
        return quoted.ok ? { ok: false, message: "bad match value" } : quoted;
      return {
        ok: true,
        value: { segment: { kind: "match", key: match[1] as string, value: quoted.value.segment.key }, end: quoted.value.end },
      };
    }
    const end = text.indexOf("]", valueStart);
    if (end < 0) return { ok: false, message: `expected ] after [${match[0]}…` };
    return close(end, { kind: "match", key: match[1] as string, value: text.slice(valueStart, end) });
  }
  const digits = /^-?\d{1,9}/.exec(text.slice(inner, inner + 10));
  if (digits) return close(inner + digits[0].length, { kind: "index", index: Number(digits[0]) });
  return { ok: false, message: `expected [number], [*], ["key"] or [key=value] at position ${start + 1}` };
}

/** Where a value sits in the payload, written in the path syntax: `line_items[2].price`, `$` for the root. */
export function formatPath(at: readonly PathKey[]): string {
  let text = "";
  for (const key of at) {
    if (typeof key === "number") text += `[${key}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) text += text === "" ? key : `.${key}`;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text === "" ? "$" : text;
}

/** Where reading is done from: the current element, with its own place in the payload and its parent. */
export type Scope = {
  value: unknown;
  at: PathKey[];
  parent: Scope | undefined;
  root: Scope;
  /** Position among the elements its `each` produced (kept by `when`), from 0. */
  position: number;
};

export function rootScope(payload: unknown): Scope {
  const scope = { value: payload, at: [], parent: undefined, position: 0 } as unknown as Scope;
  scope.root = scope;
  return scope;
}

function startOf(scope: Scope, anchor: Anchor): Scope {
  if (anchor === "root") return scope.root;
  if (anchor === "parent") return scope.parent ?? scope.root;
  return scope;
}

export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "text";
  return `a ${typeof value}`;
}

function step(value: unknown, segment: Segment): { found: true; value: unknown; key: PathKey } | { found: false; why: string } {
  if (segment.kind === "key") {
    if (value === null || typeof value !== "object" || Array.isArray(value))
      return { found: false, why: `is ${describeValue(value)}, not an object` };
    if (!Object.hasOwn(value, segment.key)) return { found: false, why: "is missing" };
    return { found: true, value: (value as Record<string, unknown>)[segment.key], key: segment.key };
  }
  if (segment.kind === "index") {
    if (!Array.isArray(value)) return { found: false, why: `is ${describeValue(value)}, not a list` };
    const index = segment.index < 0 ? value.length + segment.index : segment.index;
    if (index < 0 || index >= value.length) return { found: false, why: `is missing (the list has ${value.length})` };
    return { found: true, value: value[index], key: index };
  }
  if (segment.kind === "match") {
    if (!Array.isArray(value)) return { found: false, why: `is ${describeValue(value)}, not a list` };
    const index = value.findIndex((element) => matches(element, segment.key, segment.value));
    if (index < 0) return { found: false, why: `has no element whose ${segment.key} is ${JSON.stringify(segment.value)}` };
    return { found: true, value: value[index], key: index };
  }
  return { found: false, why: "[*] names many values" };
}

function matches(element: unknown, key: string, expected: string): boolean {
  if (element === null || typeof element !== "object" || Array.isArray(element) || !Object.hasOwn(element, key)) return false;
  const value = (element as Record<string, unknown>)[key];
  return (typeof value === "string" || typeof value === "number" || typeof value === "boolean") && String(value) === expected;
}

export type Read = { found: true; value: unknown; at: PathKey[] } | { found: false; at: PathKey[]; reason: string };

/** The place a read meant to reach: the steps that name one key or index, up to the first that does not. */
function wanted(at: PathKey[], rest: Segment[]): PathKey[] {
  const out = [...at];
  for (const segment of rest) {
    if (segment.kind === "key") out.push(segment.key);
    else if (segment.kind === "index") out.push(segment.index);
    else break;
  }
  return out;
}

/** Reads one value. Not found says where reading stopped and why (`customer is null`). */
export function readPath(scope: Scope, path: ParsedPath): Read {
  const start = startOf(scope, path.anchor);
  let value = start.value;
  const at = [...start.at];
  for (let index = 0; index < path.segments.length; index++) {
    const segment = path.segments[index] as Segment;
    const next = step(value, segment);
    if (!next.found) {
      const where = next.why.startsWith("is missing") ? formatPath(wanted(at, [segment])) : formatPath(at);
      return { found: false, at: wanted(at, path.segments.slice(index)), reason: `${where} ${next.why}` };
    }
    value = next.value;
    at.push(next.key);
  }
  return { found: true, value, at };
}

export type Expanded = { items: { value: unknown; at: PathKey[] }[]; tooMany: boolean };

/**
 * The elements a path names, `[*]` taking every element of a list. A single value where a list
 * was expected counts as one element (XML turned into JSON writes a list of one that way); a
 * missing or null value as none. Stops once more than `limit` elements (or MAPPING_LIMITS.scan
 * along the way) are found.
 */
export function expandPath(scope: Scope, path: ParsedPath, limit: number): Expanded {
  const start = startOf(scope, path.anchor);
  let current: { value: unknown; at: PathKey[] }[] = [{ value: start.value, at: [...start.at] }];
  for (const segment of path.segments) {
    const next: { value: unknown; at: PathKey[] }[] = [];
    for (const item of current) {
      if (segment.kind === "each") {
        if (Array.isArray(item.value)) {
          const room = MAPPING_LIMITS.scan + 1 - next.length;
          const count = Math.min(item.value.length, room);
          for (let index = 0; index < count; index++) next.push({ value: item.value[index], at: [...item.at, index] });
        } else if (item.value !== null && item.value !== undefined) next.push(item);
      } else {
        const stepped = step(item.value, segment);
        if (stepped.found) next.push({ value: stepped.value, at: [...item.at, stepped.key] });
      }
      if (next.length > MAPPING_LIMITS.scan) return { items: [], tooMany: true };
    }
    current = next;
  }
  const items = current.filter((item) => item.value !== null && item.value !== undefined);
  if (items.length > limit) return { items: items.slice(0, limit), tooMany: true };
  return { items, tooMany: false };
}
