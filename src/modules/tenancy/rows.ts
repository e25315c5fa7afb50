/** Timestamps from drizzle's raw queries arrive as PostgreSQL text; the API speaks ISO 8601. */
export function iso(value: unknown): string {
  return new Date(value as string).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}
