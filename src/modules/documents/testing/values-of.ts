import type { ExtractedValue } from "../extract/extracted.ts";

/** Extracted fields as their normalised values alone, for comparing with what a test expects. */
export const valuesOf = (fields: Record<string, ExtractedValue>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).map(([field, found]) => [field, found.value]));
