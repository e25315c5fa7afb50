import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor.ts";
import type { Tx } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/ids.ts";
import type { RunEvent } from "../contract/index.ts";

/**
 * Adds one entry to a run's timeline, in the caller's transaction. The label says what happened,
 * not who did it: the actor is kept as `type:id` with its label beside it, and the console names them.
 */
export async function appendRunEvent(
  tx: Tx,
  event: {
    tenantId: string;
    runId: string;
    kind: RunEvent["kind"];
    label: string;
    detail?: Record<string, unknown>;
    actor?: Actor;
  },
): Promise<void> {
  const actor = event.actor ? `${event.actor.type}:${event.actor.id}` : null;
  await tx.execute(sql`
    insert into workflows.run_events (tenant_id, id, run_id, kind, label, detail, actor, actor_label)
    values (${event.tenantId}, ${newId("rev")}, ${event.runId}, ${event.kind}, ${event.label},
            ${JSON.stringify(event.detail ?? {})}::jsonb, ${actor}, ${event.actor?.label ?? null})`);
}
