/** Timestamps from drizzle's raw queries arrive as PostgreSQL text; the API speaks ISO 8601. */
export function iso(value: unknown): string {
  return new Date(value as string).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

/**
 * A bytea as a Buffer, whether the driver parsed it, left PostgreSQL's hex text (`\x…`), or it came
 * from another thread (a Buffer arrives as a plain Uint8Array).
 */
export function bytes(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  const text = String(value);
  return text.startsWith("\\x") ? Buffer.from(text.slice(2), "hex") : Buffer.from(text, "utf8");
}
