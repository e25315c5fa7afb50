import type { z } from "zod";
import type { ErrorDetail } from "../../../platform/errors.ts";
import { issueDetails } from "../issue-details.ts";

export type ValidRow<R> = { index: number; externalId: string; record: R };

export type BatchValidation<R> = {
  valid: ValidRow<R>[];
  /** Problems, in row order; a row may have several. */
  rejected: ErrorDetail[];
  /** Indexes of rows with at least one problem. */
  rejectedIndexes: Set<number>;
};

function externalIdOf(row: unknown): string | undefined {
  if (typeof row !== "object" || row === null) return undefined;
  const value = (row as Record<string, unknown>).external_id;
  return typeof value === "string" ? value : undefined;
}

const keyOf = (row: unknown): string | undefined => {
  if (typeof row !== "object" || row === null) return undefined;
  const { source_system, external_id } = row as Record<string, unknown>;
  return typeof source_system === "string" && typeof external_id === "string"
    ? `${source_system}\u0000${external_id}`
    : undefined;
};

/** One row parsed as a schema's safeParse does, reporting the input beside each issue. */
export type ParseRow<R> = (row: unknown, params: { reportInput: true }) => z.ZodSafeParseResult<R>;

/**
 * Validates every row with the record type's parser and refuses all but the first of rows that
 * share (source_system, external_id): one batch cannot say two things about one record. Without a
 * parser the rows are taken as already parsed, and only the batch check runs.
 */
export function validateBatch<R>(parse: ParseRow<R> | undefined, rows: readonly unknown[]): BatchValidation<R> {
  const valid: ValidRow<R>[] = [];
  const rejected: ErrorDetail[] = [];
  const rejectedIndexes = new Set<number>();
  const firstIndex = new Map<string, number>();
  rows.forEach((row, index) => {
    const externalId = externalIdOf(row);
    const where = { index, ...(externalId !== undefined ? { external_id: externalId } : {}) };
    const problems: ErrorDetail[] = [];
    const key = keyOf(row);
    if (key !== undefined) {
      const first = firstIndex.get(key);
      if (first === undefined) firstIndex.set(key, index);
      else {
        problems.push({
          ...where,
          path: "external_id",
          message: `repeats the record of row ${first} (same source_system and external_id); a batch may hold each record once`,
          code: "duplicate_in_batch",
        });
      }
    }
    const parsed = parse ? parse(row, { reportInput: true }) : { success: true as const, data: row as R };
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push(...issueDetails(issue, where));
    if (problems.length > 0) {
      rejected.push(...problems);
      rejectedIndexes.add(index);
    } else if (parsed.success) {
      valid.push({ index, externalId: externalId as string, record: parsed.data });
    }
  });
  return { valid, rejected, rejectedIndexes };
}
