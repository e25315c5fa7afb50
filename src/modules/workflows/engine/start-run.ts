import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import { readAsTenant, writeAsTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { newId } from "../../../platform/ids.ts";
import { appendAuditStatement } from "../../governance/index.ts";
import type { AnyFlow } from "./flow-definition.ts";
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
): Promise<{ runId: string; created: boolean; input: Record<string, unknown> }> {
  const parsed = flow.input.safeParse(input);
  if (!parsed.success) {
    throw new AppError("validation_failed", `The input does not fit the flow ${flow.name}`, {
      details: parsed.error.issues.map((issue) => ({ path: ["input", ...issue.path].join("."), message: issue.message })),
    });
  }
  const existing = async () => {
    if (!options.idempotencyKey) return undefined;
    const [row] = await readAsTenant<{ id: string }>(
      rt.db,
      ctx.tenantId,
      sql`select id from workflows.runs where flow = ${flow.name} and idempotency_key = ${options.idempotencyKey ?? null}`,
    );
    return row?.id;
  };
  const already = await existing();
  const recordedInput = parsed.data as Record<string, unknown>;
  if (already) return { runId: already, created: false, input: recordedInput };

  const runId = newId("run");
  const now = rt.clock().toISOString();
  const startedBy = `${ctx.actor.type}:${ctx.actor.id}`;
  const links = flow.links(parsed.data);
  // One round trip (workflows.record_run, in migrations/0002): the run, what links it to records,
  // the wait 0 that triggers its first stage, its timeline's first entry, and its audit entry,
  // together or not at all. It is durable once the first stage's start is: the caller starts that
  // at once, and is answered only after.
  const audit = appendAuditStatement({
    ...ctx,
    action: "workflow.started",
    resourceType: "workflow_run",
    resourceId: runId,
    data: { flow: flow.name, version: flow.version },
  });
  try {
    await writeAsTenant(
      rt.db,
      ctx.tenantId,
      [
        sql`select workflows.record_run(${ctx.tenantId}, ${runId}, ${flow.name}, ${flow.version}, ${flow.runTitle(parsed.data)},
              ${JSON.stringify(parsed.data)}::jsonb, ${options.idempotencyKey ?? null}, ${startedBy}, ${now},
              ${JSON.stringify(links)}::jsonb, ${newId("rev")}, ${`Started ${flow.title} (v${flow.version})`})`,
        audit.statement,
      ],
      // The caller starts the first stage next: DBOS's commit of it flushes this one.
      { flushedByNextCommit: true },
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await existing();
    if (raced) return { runId: raced, created: false, input: recordedInput };
    throw error;
  }
  rt.metrics.runStarted(flow.name);
  return { runId, created: true, input: recordedInput };
}
