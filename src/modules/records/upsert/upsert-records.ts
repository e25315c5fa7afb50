import { actorRef, type WriteContext } from "../../../platform/actor.ts";
import type { Database, Tx } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError, type ErrorDetail } from "../../../platform/errors.ts";
import { newId } from "../../../platform/ids.ts";
import { appendAudit, digest } from "../../governance/index.ts";
import { parseRecordInput, type RecordType } from "../contract/index.ts";
import { serialiseRecord } from "./content-hash.ts";
import { buildUpsertStatements, type RowOutcome, type UpsertStatements } from "./upsert-statements.ts";
import { validateBatch } from "./validate-batch.ts";

/** `atomic`: any invalid row and nothing is written. `partial`: valid rows are written, the rest reported. */
export type UpsertMode = "atomic" | "partial";
export type UpsertStatus = "inserted" | "updated" | "unchanged" | "rejected";
export type UpsertRowResult = { index: number; external_id: string | null; id: string | null; status: UpsertStatus };
export type UpsertResult = {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: ErrorDetail[];
  results: UpsertRowResult[];
};
export type UpsertOptions = {
  mode?: UpsertMode;
  /**
   * The rows are already what this type's input schema made of them (a mapping parsed each one), so
   * only the checks across the batch run. For callers inside Crossdock; never for rows from outside.
   */
  alreadyParsed?: boolean;
};

/** Most records one call takes; the HTTP API takes the same. */
export const MAX_BATCH = 10_000;
/**
 * Most record ids one audit entry lists: a whole batch, so every record's trail (`GET /audit?record=`)
 * finds every batch that wrote it. The digest covers the batch's content.
 */
const AUDIT_ID_LIMIT = MAX_BATCH;

const statementCache = new Map<string, UpsertStatements>();
function statementsFor(type: RecordType): UpsertStatements {
  let statements = statementCache.get(type.name);
  if (!statements) {
    statements = buildUpsertStatements(type);
    statementCache.set(type.name, statements);
  }
  return statements;
}

/** A validated record, serialised once: its JSON is both what is hashed and what is sent. */
type Prepared = { index: number; record: Record<string, unknown>; hash: string; json: string };

/**
 * Validates a batch and writes it in one tenant-scoped transaction: the records (skipping those
 * whose content did not change), their lines, one event per changed record, and one audit
 * entry for the batch. Either all of that commits or none of it does.
 */
export async function upsertRecords(
  db: Database,
  ctx: WriteContext,
  type: RecordType,
  input: readonly unknown[],
  options: UpsertOptions = {},
): Promise<UpsertResult> {
  const mode = options.mode ?? "atomic";
  if (input.length > MAX_BATCH) {
    throw new AppError("payload_too_large", `A batch holds at most ${MAX_BATCH} records; this one has ${input.length}`);
  }
  const validation = validateBatch(
    options.alreadyParsed ? undefined : (row, params) => parseRecordInput(type, row, params),
    input,
  );
  if (mode === "atomic" && validation.rejected.length > 0) {
    throw new AppError(
      "validation_failed",
      `${validation.rejectedIndexes.size} of ${input.length} ${type.plural} are invalid; nothing was written`,
      { details: validation.rejected },
    );
  }
  const prepared = validation.valid.map(
    ({ index, record }): Prepared => ({ index, record: record as Record<string, unknown>, ...serialiseRecord(record) }),
  );
  const outcomes =
    prepared.length === 0
      ? []
      : await withTenant(db, ctx.tenantId, (tx) => writeBatch(tx, ctx, type, prepared, validation.rejectedIndexes.size));
  return summarise(input, validation.rejectedIndexes, validation.rejected, outcomes);
}

async function writeBatch(
  tx: Tx,
  ctx: WriteContext,
  type: RecordType,
  prepared: Prepared[],
  rejectedCount: number,
): Promise<RowOutcome[]> {
  const statements = statementsFor(type);
  // Ids and hashes need no escaping; the records are already JSON.
  const rowsJson = `[${prepared
    .map(
      (row) =>
        `{"idx":${row.index},"id":"${newId(type.prefix)}","event_id":"${newId("evt")}","hash":"${row.hash}","doc":${row.json}}`,
    )
    .join(",")}]`;
  const outcomes = (
    await rows<RowOutcome>(
      tx,
      statements.upsert(rowsJson, { tenantId: ctx.tenantId, actor: actorRef(ctx.actor), requestId: ctx.requestId ?? null }),
    )
  ).map((outcome) => ({
    ...outcome,
    idx: Number(outcome.idx),
    version: outcome.version === null ? null : Number(outcome.version),
    seen_version: outcome.seen_version === null ? null : Number(outcome.seen_version),
  }));
  await settleRaces(tx, ctx.tenantId, statements, prepared, outcomes);

  const changed = outcomes.filter((outcome) => outcome.inserted !== null);
  const inserted = changed.filter((outcome) => outcome.inserted).length;
  const affected = changed.map((outcome) => outcome.id as string);
  await appendAudit(tx, {
    tenantId: ctx.tenantId,
    actor: ctx.actor,
    requestId: ctx.requestId,
    action: `records.${type.name}.upserted`,
    resourceType: type.name,
    // One record is named, so its audit trail can be found by its id; a batch lists its ids.
    resourceId: affected.length === 1 ? (affected[0] as string) : "batch",
    data: {
      inserted,
      updated: changed.length - inserted,
      unchanged: outcomes.length - changed.length,
      rejected: rejectedCount,
      // Over the records' content hashes, in batch order: a fingerprint of everything written.
      digest: digest(prepared.map((row) => row.hash)),
      ids: affected.slice(0, AUDIT_ID_LIMIT),
      ...(affected.length > AUDIT_ID_LIMIT ? { ids_truncated: true } : {}),
    },
  });
  return outcomes;
}

/**
 * The upsert statement reads with one snapshot. When another transaction wrote one of the same
 * records after that snapshot was taken (and before this one locked it), two things can be off:
 * - a record it left unchanged may not be visible to it, so its id is missing: read it now;
 * - a record it updated may have gained lines the statement could not see, which its trim of
 *   surplus lines then missed: replace those records' lines outright, now that all is visible.
 */
async function settleRaces(
  tx: Tx,
  tenantId: string,
  statements: UpsertStatements,
  prepared: Prepared[],
  outcomes: RowOutcome[],
): Promise<void> {
  const byIndex = new Map(prepared.map((row) => [row.index, row]));
  const missing = outcomes.filter((outcome) => outcome.id === null);
  if (missing.length > 0) {
    const keys = missing.map((outcome) => {
      const record = byIndex.get(outcome.idx)?.record;
      return { source_system: record?.source_system, external_id: record?.external_id };
    });
    const found = await rows<{ id: string; source_system: string; external_id: string }>(
      tx,
      statements.lookup(JSON.stringify(keys), tenantId),
    );
    const ids = new Map(found.map((row) => [`${row.source_system}\u0000${row.external_id}`, row.id]));
    for (const outcome of missing) {
      const record = byIndex.get(outcome.idx)?.record;
      outcome.id = ids.get(`${record?.source_system}\u0000${record?.external_id}`) ?? null;
    }
  }
  const raced = outcomes.filter((outcome) => outcome.inserted === false && outcome.seen_version !== (outcome.version ?? 0) - 1);
  if (raced.length === 0) return;
  for (const collection of statements.replaceLines) {
    const linesJson = JSON.stringify(
      raced.map((outcome) => ({ p: outcome.id, l: byIndex.get(outcome.idx)?.record[collection.name] ?? [] })),
    );
    for (const statement of collection.statements(linesJson, tenantId)) await tx.execute(statement);
  }
}

function summarise(
  input: readonly unknown[],
  rejectedIndexes: Set<number>,
  rejected: ErrorDetail[],
  outcomes: RowOutcome[],
): UpsertResult {
  const byIndex = new Map(outcomes.map((outcome) => [outcome.idx, outcome]));
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  const results = input.map((row, index): UpsertRowResult => {
    const externalId = (row as { external_id?: unknown } | null)?.external_id;
    const external_id = typeof externalId === "string" ? externalId : null;
    const outcome = byIndex.get(index);
    if (rejectedIndexes.has(index) || !outcome) return { index, external_id, id: null, status: "rejected" };
    const status: UpsertStatus = outcome.inserted === null ? "unchanged" : outcome.inserted ? "inserted" : "updated";
    counts[status] += 1;
    return { index, external_id, id: outcome.id, status };
  });
  return { ...counts, rejected, results };
}
