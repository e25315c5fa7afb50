import { sql } from "drizzle-orm";
import type { Database } from "../../../../platform/db/database.ts";
import { rows, withSystem, withTenant } from "../../../../platform/db/tenant-scope.ts";
import type { Logger } from "../../../../platform/logger.ts";
import type { Records } from "../../../records/index.ts";
import type { QuarantineReason, TradingPartner } from "../../contract/index.ts";
import { bytes } from "../../db-values.ts";
import { deliverPending } from "../outbound/deliver.ts";
import { partnerOfSource } from "../partners/partner-store.ts";
import { type InterchangeResult, processInterchange } from "./process-interchange.ts";

/** Interchanges one pass takes at most (each may hold thousands of sets, so fewer than webhooks' 500). */
const BATCH = 20;
/** How long a pass holds what it took; one that died lets it go after this. */
const LEASE_SECONDS = 300;
/** An interchange whose processing failed this often (a crash, not bad data) is quarantined for a person. */
const MAX_ATTEMPTS = 5;

export type EdiProcessDeps = {
  db: Database;
  records: Records;
  logger: Logger;
  clock: () => Date;
  outboxDir: string | undefined;
  /** Counts what each pass did (ingest's receipts metric). */
  counted?: (outcome: "processed" | "quarantined", count: number) => void;
};

type Claimed = { tenant_id: string; id: string; source_id: string; body: unknown; attempts: number };

/**
 * One pass over the interchanges received and not yet processed: takes up to BATCH of them
 * (leased, `for update skip locked`, so processes share the work), and processes each. Only
 * receipts of EDI sources: the webhook processor leaves them alone. A paused partner's wait.
 */
export async function processDueInterchanges(deps: EdiProcessDeps): Promise<number> {
  const now = deps.clock();
  const claimed = await withSystem(deps.db, (tx) =>
    rows<Claimed>(
      tx,
      sql`update ingest.receipts r
             set attempts = r.attempts + 1, leased_until = ${new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString()}
           where r.id in (select rc.id from ingest.receipts rc join ingest.sources s on s.id = rc.source_id
                           where rc.status = 'received' and s.kind = 'edi' and s.status = 'active'
                             and (rc.leased_until is null or rc.leased_until < ${now.toISOString()})
                           order by rc.received_at, rc.id limit ${BATCH} for update of rc skip locked)
       returning r.tenant_id, r.id, r.source_id, coalesce(r.corrected_body, r.body) as body, r.attempts`,
    ),
  );
  const partners = new Map<string, TradingPartner | undefined>();
  let processed = 0;
  let quarantined = 0;
  for (const receipt of claimed.sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const key = `${receipt.tenant_id}/${receipt.source_id}`;
    if (!partners.has(key)) partners.set(key, await partnerOfSource(deps.db, receipt.tenant_id, receipt.source_id));
    const partner = partners.get(key);
    const outcome = await processOne(deps, receipt, partner);
    if (outcome === "processed") processed++;
    else if (outcome === "quarantined") quarantined++;
  }
  for (const [key, partner] of partners) {
    if (partner) await deliverPending(deps, key.split("/")[0] as string, partner);
  }
  deps.counted?.("processed", processed);
  deps.counted?.("quarantined", quarantined);
  return claimed.length;
}

async function processOne(
  deps: EdiProcessDeps,
  receipt: Claimed,
  partner: TradingPartner | undefined,
): Promise<"processed" | "quarantined" | "failed"> {
  const stop = (reason: QuarantineReason) =>
    recordOutcome(deps, receipt, partner, {
      status: "quarantined",
      reason,
      produced: [],
      envelope: null,
      sets: [],
      acknowledgments: [],
    });
  if (!partner) {
    await stop({ stage: "process", message: "The receipt's source is no trading partner's", problems: [] });
    return "quarantined";
  }
  if (receipt.attempts > MAX_ATTEMPTS) {
    await stop({
      stage: "process",
      message: `Processing stopped ${MAX_ATTEMPTS} times before it finished (a crash or a database fault), so it is held for a person`,
      problems: [],
    });
    return "quarantined";
  }
  try {
    const result = await processInterchange(deps, receipt.tenant_id, receipt.id, partner, bytes(receipt.body));
    await recordOutcome(deps, receipt, partner, result);
    return result.status;
  } catch (error) {
    // A fault, not bad data: the lease runs out and the interchange is tried again (its writes are idempotent).
    deps.logger.error({ err: error, receipt: receipt.id }, "edi: an interchange could not be processed; it is tried again");
    return "failed";
  }
}

async function recordOutcome(
  deps: EdiProcessDeps,
  receipt: Claimed,
  partner: TradingPartner | undefined,
  result: InterchangeResult,
): Promise<void> {
  const now = deps.clock().toISOString();
  await withTenant(deps.db, receipt.tenant_id, async (tx) => {
    await tx.execute(sql`
      update ingest.receipts
         set status = ${result.status}, produced = ${JSON.stringify(result.produced)}::jsonb,
             reason = ${result.reason ? JSON.stringify(result.reason) : null}::jsonb, leased_until = null,
             processed_at = case when ${result.status} = 'processed' then ${now}::timestamptz else processed_at end
       where id = ${receipt.id} and status = 'received'`);
    if (!partner) return;
    await tx.execute(sql`
      insert into ingest.edi_interchanges (tenant_id, receipt_id, partner_id, sender, receiver, control_number, usage, sets, acknowledgments, processed_at)
      values (${receipt.tenant_id}, ${receipt.id}, ${partner.id}, ${result.envelope?.sender ?? ""}, ${result.envelope?.receiver ?? ""},
              ${result.envelope?.controlNumber ?? ""}, ${result.envelope?.usage ?? ""}, ${JSON.stringify(result.sets)}::jsonb,
              ${JSON.stringify(result.acknowledgments)}::jsonb, ${now})
      on conflict (receipt_id) do update
         set sets = excluded.sets, acknowledgments = excluded.acknowledgments, processed_at = excluded.processed_at,
             sender = excluded.sender, receiver = excluded.receiver, control_number = excluded.control_number, usage = excluded.usage`);
  });
}
