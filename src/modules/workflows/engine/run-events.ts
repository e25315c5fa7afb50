import { sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/ids.ts";
import type { RunEvent } from "../contract/index.ts";

/** Adds one entry to a run's timeline, in the caller's transaction. */
export async function appendRunEvent(
  tx: Tx,
  event: {
    tenantId: string;
    runId: string;
    kind: RunEvent["kind"];
    label: string;
    detail?: Record<string, unknown>;
    actor?: string;
  },
): Promise<void> {
  await tx.execute(sql`
    insert into workflows.run_events (tenant_id, id, run_id, kind, label, detail, actor)
    values (${event.tenantId}, ${newId("rev")}, ${event.runId}, ${event.kind}, ${event.label},
            ${JSON.stringify(event.detail ?? {})}::jsonb, ${event.actor ?? null})`);
}
