import { InvalidCursorError } from "../errors.ts";

/**
 * Where a page ended: the sort it was made for, the last row's sort value (as PostgreSQL writes
 * it, so it compares exactly, microseconds included) and its id, which breaks ties.
 */
export type Cursor = { sort: string; value: string | null; id: string };

/** Opaque to callers: base64url of a small JSON array. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id]), "utf8").toString("base64url");
}

export function decodeCursor(text: string, sort: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError("it is not one this API issued");
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== "string" ||
    (parsed[1] !== null && typeof parsed[1] !== "string") ||
    typeof parsed[2] !== "string"
  ) {
    throw new InvalidCursorError("it is not one this API issued");
  }
  if (parsed[0] !== sort) throw new InvalidCursorError(`it continues a list sorted by ${parsed[0]}, not ${sort}`);
  return { sort: parsed[0], value: parsed[1], id: parsed[2] };
}
