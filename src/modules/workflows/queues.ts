import { sql } from "drizzle-orm";
import type { WriteContext } from "../../platform/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { rows, textArray, withTenant } from "../../platform/db/tenant-scope.ts";
import { appendAudit } from "../governance/index.ts";
import type { WorkQueue, WorkQueueInput } from "./contract/index.ts";

export async function listQueues(db: Database, tenantId: string): Promise<WorkQueue[]> {
  return withTenant(db, tenantId, (tx) =>
    rows<WorkQueue>(tx, sql`select name, description, roles, user_ids from workflows.queues order by name`),
  );
}

/** Creates or replaces a work queue: who its tasks are for. */
export async function saveQueue(db: Database, ctx: WriteContext, input: WorkQueueInput): Promise<WorkQueue> {
  return withTenant(db, ctx.tenantId, async (tx) => {
    const [queue] = await rows<WorkQueue>(
      tx,
      sql`insert into workflows.queues (tenant_id, name, description, roles, user_ids)
          values (${ctx.tenantId}, ${input.name}, ${input.description}, ${textArray(input.roles)}, ${textArray(input.user_ids)})
          on conflict (tenant_id, name) do update set description = excluded.description, roles = excluded.roles,
             user_ids = excluded.user_ids, updated_at = now()
          returning name, description, roles, user_ids`,
    );
    await appendAudit(tx, {
      ...ctx,
      action: "work_queue.saved",
      resourceType: "work_queue",
      resourceId: input.name,
      data: { after: queue },
    });
    return queue as WorkQueue;
  });
}
