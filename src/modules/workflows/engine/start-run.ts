import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { newId } from "../../../platform/ids.ts";
import { appendAudit } from "../../governance/index.ts";
import type { AnyFlow } from "./flow-definition.ts";
import { appendRunEvent } from "./run-events.ts";
import type { Runtime } from "./runtime.ts";

const isUniqueViolation = (error: unknown) => {
  for (let current = error as { code?: string; cause?: unknown } | undefined; current; current = current.cause as typeof current)
    if (current.code === "23505") return true;
  return false;
};

/**
 * Records a run of `flow` with `input` (validated against the flow's schema), as running its first
 * stage (segment 1), with the resolved wait 0 that triggers it: the caller starts that stage at once,
 * and if the process dies first, the sweeper starts it. With an idempotency key, a second start
 * returns the first run.
 */
export async function startRun(
  rt: Runtime,
  ctx: WriteContext,
  flow: AnyFlow,
  input: unknown,
  options: { idempotencyKey?: string | undefined } = {},
): Promise<{ runId: string; created: boolean }> {
  const parsed = flow.input.safeParse(input);
  if (!parsed.success) {
    throw new AppError("validation_failed", `The input does not fit the flow ${flow.name}`, {
      details: parsed.error.issues.map((issue) => ({ path: ["input", ...issue.path].join("."), message: issue.message })),
    });
  }
  const existing = async () => {
    if (!options.idempotencyKey) return undefined;
    const [row] = await withTenant(rt.db, ctx.tenantId, (tx) =>
      rows<{ id: string }>(
        tx,
        sql`select id from workflows.runs where flow = ${flow.name} and idempotency_key = ${options.idempotencyKey ?? null}`,
      ),
    );
    return row?.id;
  };
  const already = await existing();
  if (already) return { runId: already, created: false };

  const runId = newId("run");
  const now = rt.clock().toISOString();
  const startedBy = `${ctx.actor.type}:${ctx.actor.id}`;
  try {
    await withTenant(rt.db, ctx.tenantId, async (tx) => {
      await tx.execute(sql`
        insert into workflows.runs (tenant_id, id, flow, flow_version, title, status, stage, segment, input, idempotency_key, started_by, created_at, updated_at)
        values (${ctx.tenantId}, ${runId}, ${flow.name}, ${flow.version}, ${flow.runTitle(parsed.data)}, 'running', 'start', 1,
                ${JSON.stringify(parsed.data)}::jsonb, ${options.idempotencyKey ?? null}, ${startedBy}, ${now}, ${now})`);
      for (const link of flow.links(parsed.data)) {
        await tx.execute(sql`
          insert into workflows.run_links (tenant_id, run_id, record_type, record_id, label)
          values (${ctx.tenantId}, ${runId}, ${link.type}, ${link.id}, ${link.label}) on conflict do nothing`);
      }
      await tx.execute(sql`
        insert into workflows.waits (tenant_id, run_id, seq, kind, then_stage, deadline, created_at, resolved_at, resume_stage)
        values (${ctx.tenantId}, ${runId}, 0, 'timer', 'start', ${now}, ${now}, ${now}, 'start')`);
      await appendRunEvent(tx, {
        tenantId: ctx.tenantId,
        runId,
        kind: "started",
        label: `Started ${flow.title} (v${flow.version})`,
        detail: {},
        actor: startedBy,
      });
      await appendAudit(tx, {
        ...ctx,
        action: "workflow.started",
        resourceType: "workflow_run",
        resourceId: runId,
        data: { flow: flow.name, version: flow.version },
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await existing();
    if (raced) return { runId: raced, created: false };
    throw error;
  }
  rt.metrics.runStarted(flow.name);
  return { runId, created: true };
}
