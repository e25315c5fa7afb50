import { sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withSystem } from "../../../platform/db/tenant-scope.ts";
import type { Notifier } from "../notify/notifier.ts";
import type { EscalationRung } from "./new-task.ts";
import { appendTaskEvent } from "./task-events.ts";

type Overdue = {
  tenant_id: string;
  id: string;
  assignee_type: string;
  assignee_id: string;
  escalation: EscalationRung[];
  escalation_level: number;
};

/** The open tasks past their due time (the sweeper asks before it escalates). */
export const overdueTasks = (now: Date) =>
  sql`select 1 from workflows.tasks where status = 'open' and due_at <= ${now.toISOString()}`;

/**
 * Moves every open task past its due time one rung up its escalation ladder: to the rung's
 * assignee, due again after the next rung's time (or no longer due on the last rung), with the
 * people told. Runs in the sweeper, across tenants; rows being escalated elsewhere are skipped.
 */
export async function escalateOverdueTasks(deps: { db: Database; notifier: Notifier }, now: Date, limit = 100): Promise<number> {
  return withSystem(deps.db, async (tx) => {
    const overdue = await rows<Overdue>(
      tx,
      sql`select tenant_id, id, assignee_type, assignee_id, escalation, escalation_level from workflows.tasks
           where status = 'open' and due_at <= ${now.toISOString()}
           order by due_at limit ${limit} for update skip locked`,
    );
    for (const task of overdue) {
      const rung = task.escalation[task.escalation_level];
      if (!rung) {
        await tx.execute(sql`update workflows.tasks set due_at = null where id = ${task.id}`);
        continue;
      }
      const next = task.escalation[task.escalation_level + 1];
      const dueAt = next ? new Date(now.getTime() + next.afterSeconds * 1000).toISOString() : null;
      await tx.execute(sql`
        update workflows.tasks
           set assignee_type = ${rung.to.type}, assignee_id = ${rung.to.id}, escalation_level = escalation_level + 1,
               due_at = ${dueAt}, updated_at = ${now.toISOString()}
         where id = ${task.id}`);
      await appendTaskEvent(tx, {
        tenantId: task.tenant_id,
        taskId: task.id,
        kind: "escalated",
        actor: { type: "system", id: "sla", label: "SLA" },
        at: now,
        data: {
          from: { type: task.assignee_type, id: task.assignee_id },
          to: rung.to,
          level: task.escalation_level + 1,
          next_due_at: dueAt,
        },
      });
      await deps.notifier.taskEscalated(tx, { tenantId: task.tenant_id, taskId: task.id, now });
    }
    return overdue.length;
  });
}
