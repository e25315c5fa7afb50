import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError, notFound } from "../../../platform/errors.ts";
import { appendAudit } from "../../governance/index.ts";
import type { BulkReplayResult, QuarantineStage, ReplayInput } from "../contract/index.ts";

/**
 * Sends a quarantined receipt through processing again: as it is (after its source's mapping was
 * fixed), or with its payload corrected by a person. What the sender sent stays as it was; the
 * correction is kept beside it, and the replay is audited with who made it and whether it corrected.
 */
export async function replayReceipt(db: Database, ctx: WriteContext, receiptId: string, input: ReplayInput): Promise<void> {
  const corrected = input.body === undefined ? null : Buffer.from(input.body, "utf8");
  await withTenant(db, ctx.tenantId, async (tx) => {
    const [row] = await rows<{ status: string }>(tx, sql`select status from ingest.receipts where id = ${receiptId} for update`);
    if (!row) throw notFound("Receipt", receiptId);
    if (row.status !== "quarantined") {
      throw new AppError("conflict", `Receipt ${receiptId} is ${row.status}: only a quarantined receipt is replayed`);
    }
    await tx.execute(sql`
      update ingest.receipts
         set status = 'received', attempts = 0, leased_until = null, reason = null,
             corrected_body = coalesce(${corrected ? `\\x${corrected.toString("hex")}` : null}::bytea, corrected_body),
             corrected_at = case when ${corrected !== null} then now() else corrected_at end
       where id = ${receiptId}`);
    await appendAudit(tx, {
      ...ctx,
      action: "ingest.receipt.replayed",
      resourceType: "ingest_receipt",
      resourceId: receiptId,
      data: { corrected: corrected !== null },
    });
  });
}

/** Most receipts one bulk replay sends through; the answer says when more are left. */
export const BULK_REPLAY_LIMIT = 10_000;

/**
 * Sends a source's quarantined receipts through again as they are (its mapping fixed), oldest
 * first, at most BULK_REPLAY_LIMIT per call; one audit entry names the source and how many.
 */
export async function replayQuarantined(
  db: Database,
  ctx: WriteContext,
  sourceId: string,
  stage: QuarantineStage | undefined,
): Promise<BulkReplayResult> {
  return withTenant(db, ctx.tenantId, async (tx) => {
    const replayed = await rows<{ id: string }>(
      tx,
      sql`update ingest.receipts
             set status = 'received', attempts = 0, leased_until = null, reason = null
           where id in (select id from ingest.receipts
                         where tenant_id = ${ctx.tenantId} and source_id = ${sourceId} and status = 'quarantined'
                           and (${stage ?? null}::text is null or reason->>'stage' = ${stage ?? null})
                         order by id limit ${BULK_REPLAY_LIMIT} for update)
       returning id`,
    );
    const [left] = await rows<{ more: boolean }>(
      tx,
      sql`select exists (select 1 from ingest.receipts
                          where tenant_id = ${ctx.tenantId} and source_id = ${sourceId} and status = 'quarantined'
                            and (${stage ?? null}::text is null or reason->>'stage' = ${stage ?? null})) as more`,
    );
    if (replayed.length > 0) {
      await appendAudit(tx, {
        ...ctx,
        action: "ingest.receipts.replayed",
        resourceType: "ingest_source",
        resourceId: sourceId,
        data: { replayed: replayed.length, stage: stage ?? null },
      });
    }
    return { replayed: replayed.length, more: left?.more === true };
  });
}
