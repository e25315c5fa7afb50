import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { appendRunEvent } from "./run-events.ts";

/**
 * Something outside happened (`key`, e.g. "shipment.delivered:shpm_…"): every run of the tenant
 * waiting for that key resumes with `payload`. Returns the runs to continue; an event nobody
 * waits for is not kept.
 */
export async function signalEvent(
  deps: { db: Database; clock: () => Date },
  tenantId: string,
  key: string,
  payload: unknown,
  actor: Actor,
): Promise<string[]> {
  const now = deps.clock().toISOString();
  return withTenant(deps.db, tenantId, async (tx) => {
    const resolved = await rows<{ run_id: string }>(
      tx,
      sql`update workflows.waits set resolved_at = ${now}, resume_stage = then_stage, resume_payload = ${JSON.stringify({ event: key, payload })}::jsonb
           where event_key = ${key} and resolved_at is null returning run_id`,
    );
    for (const { run_id } of resolved) {
      await appendRunEvent(tx, {
        tenantId,
        runId: run_id,
        kind: "resumed",
        label: `Event ${key} arrived`,
        detail: { payload },
        actor,
      });
    }
    return resolved.map((row) => row.run_id);
  });
}
