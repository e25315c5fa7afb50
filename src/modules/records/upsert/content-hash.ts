import { createHash } from "node:crypto";

/**
 * A validated record as JSON, and the sha256 of that JSON. Validation returns every field in the
 * contract's order, with `attributes` keys sorted (see contract/define-record.ts), so plain JSON
 * is already canonical: the same content always hashes the same, whatever order it arrived in.
 * The JSON is what the upsert sends, so each record is serialised once. (A general
 * canonical-JSON pass would cost more than all the rest of validation on a large batch.)
 */
export function serialiseRecord(record: unknown): { json: string; hash: string } {
  const json = JSON.stringify(record);
  return { json, hash: createHash("sha256").update(json).digest("hex") };
}
