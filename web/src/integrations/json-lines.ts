/**
 * Where things are in JSON text, so a problem the API reports at a path (`records[0].fields.status`,
 * `line_items[2].price`) can be pointed at in the editor, and a JSON syntax error at its line.
 */

/** A key as the mapping engine writes it in a path: `a.b`, `[0]`, `["Order No"]` (its formatPath). */
function appendKey(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) return path === "" ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

/**
 * Every path in `text` (JSON) with the line (1-based) its key or element starts on. Text that stops
 * parsing half-way gives the paths read up to there: a draft being typed still points somewhere.
 */
export function jsonPathLines(text: string): Map<string, number> {
  return scan(text).lines;
}

/** The paths read, and the line where the text stops being JSON (null when it is JSON throughout). */
function scan(text: string): { lines: Map<string, number>; errorLine: number | null } {
  const lines = new Map<string, number>();
  let at = 0;
  let line = 1;
  const fail = (): never => {
    throw new SyntaxError("not JSON");
  };
  const space = () => {
    while (at < text.length) {
      const char = text[at];
      if (char === "\n") line += 1;
      else if (char !== " " && char !== "\t" && char !== "\r") return;
      at += 1;
    }
  };
  const string = (): string => {
    const start = at;
    at += 1;
    while (at < text.length && text[at] !== '"') {
      if (text[at] === "\\") at += 1;
      else if (text[at] === "\n") fail();
      at += 1;
    }
    if (at >= text.length) fail();
    at += 1;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const value = (path: string, depth: number): void => {
    if (depth > 64) fail();
    space();
    const char = text[at];
    if (char === "{") {
      at += 1;
      space();
      if (text[at] === "}") {
        at += 1;
        return;
      }
      for (;;) {
        space();
        if (text[at] !== '"') fail();
        const keyLine = line;
        const key = string();
        const inner = appendKey(path, key);
        if (!lines.has(inner)) lines.set(inner, keyLine);
        space();
        if (text[at] !== ":") fail();
        at += 1;
        value(inner, depth + 1);
        space();
        if (text[at] === ",") at += 1;
        else if (text[at] === "}") {
          at += 1;
          return;
        } else fail();
      }
    }
    if (char === "[") {
      at += 1;
      space();
      if (text[at] === "]") {
        at += 1;
        return;
      }
      for (let index = 0; ; index++) {
        space();
        const inner = appendKey(path, index);
        lines.set(inner, line);
        value(inner, depth + 1);
        space();
        if (text[at] === ",") at += 1;
        else if (text[at] === "]") {
          at += 1;
          return;
        } else fail();
      }
    }
    if (char === '"') {
      string();
      return;
    }
    const scalar = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(at, at + 400));
    if (!scalar) fail();
    at += (scalar as RegExpExecArray)[0].length;
  };
  try {
    value("", 0);
    space();
    if (at < text.length) fail();
    return { lines, errorLine: null };
  } catch {
    // what was read is what can be pointed at
    return { lines, errorLine: line };
  }
}

/**
 * The line of `path` in `text`, or of the nearest enclosing part that is there (a missing
 * `customer.id` points at `customer`). Null for the whole document (`$`, "") or nothing found.
 */
export function lineOfPath(text: string, path: string): number | null {
  const wanted = path.replace(/^\$\.?/, "");
  if (wanted === "") return null;
  const lines = jsonPathLines(text);
  const exact = lines.get(wanted);
  if (exact !== undefined) return exact;
  let best: { length: number; line: number } | null = null;
  for (const [candidate, candidateLine] of lines) {
    const next = wanted[candidate.length];
    if (!wanted.startsWith(candidate) || (next !== "." && next !== "[")) continue;
    if (!best || candidate.length > best.length) best = { length: candidate.length, line: candidateLine };
  }
  return best?.line ?? null;
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string; line: number | null };

/** JSON.parse, with the line of a syntax error when the engine says where it is. */
export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    // Engines word the message differently (some give no place): the line comes from reading the text.
    const raw = error instanceof Error ? error.message : String(error);
    // V8 quotes the text it read ("Unexpected token '}', "{ … }" is not valid JSON"): the line says where.
    const message = raw.replace(/,\s*"[\s\S]*" is not valid JSON$/, "");
    return { ok: false, message: `not valid JSON: ${message}`, line: scan(text).errorLine };
  }
}

/** A payload as people read it: pretty JSON when it is JSON, else the text as it came. */
export function prettyPayload(text: string): { json: boolean; text: string } {
  const parsed = parseJson(text);
  return parsed.ok ? { json: true, text: JSON.stringify(parsed.value, null, 2) } : { json: false, text };
}
