/** A place in a text, 1-based, the column counted in characters (code points). */
export type LineColumn = { line: number; column: number };

/** Where the string index `index` falls. */
export function lineColumnAt(text: string, index: number): LineColumn {
  const lines = text.slice(0, Math.max(0, index)).split("\n");
  return { line: lines.length, column: [...(lines.at(-1) ?? "")].length + 1 };
}

/**
 * Where Cedar's `byteOffset` falls: Cedar reports source locations as UTF-8 byte offsets, which
 * differ from string indexes as soon as a comment or a string holds a character beyond ASCII.
 */
export function lineColumnOfByte(text: string, byteOffset: number): LineColumn {
  const prefix = Buffer.from(text, "utf8").subarray(0, Math.max(0, byteOffset)).toString("utf8");
  return lineColumnAt(prefix, prefix.length);
}
