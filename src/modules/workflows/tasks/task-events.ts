import { sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/ids.ts";
import type { TaskEvent } from "../contract/index.ts";

/** Adds one entry to a task's history, in the caller's transaction. */
export async function appendTaskEvent(
  tx: Tx,
  event: {
    tenantId: string;
    taskId: string;
    kind: TaskEvent["kind"];
    actor: { type: string; id: string; label: string | null };
    at: Date;
    comment?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.execute(sql`
    insert into workflows.task_events (tenant_id, id, task_id, at, kind, actor, comment, data)
    values (${event.tenantId}, ${newId("tev")}, ${event.taskId}, ${event.at.toISOString()}, ${event.kind},
            ${JSON.stringify(event.actor)}::jsonb, ${event.comment ?? null}, ${JSON.stringify(event.data ?? {})}::jsonb)`);
}
