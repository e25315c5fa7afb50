import type { WorkflowHandle } from "@dbos-inc/dbos-sdk";
import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import { readAsTenant, writeAsTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { newId } from "../../../platform/ids.ts";
import { appendAuditStatement } from "../../governance/index.ts";
import { dispatchRun, startFirstStage } from "./dispatch.ts";
import type { AnyFlow } from "./flow-definition.ts";
import type { FinishedRun, HandOff, Runtime } from "./runtime.ts";

const isUniqueViolation = (error: unknown) => {
  for (let current = error as { code?: string; cause?: unknown } | undefined; current; current = current.cause as typeof current)
    if (current.code === "23505") return true;
  return false;
};

type Started = {
  runId: string;
  /** False when an idempotency key named a run started before: that run is answered. */
  created: boolean;
  input: Record<string, unknown>;
  /** The stages started now, each settling when it ends. */
  started: WorkflowHandle<void>[];
  /** The run as its first stage left it, if that stage has finished the run in this process. */
  finished(): FinishedRun | undefined;
};

/**
 * Records a run of `flow` with `input` (validated against the flow's schema), as running its first
 * stage (segment 1), with the resolved wait 0 that triggers it, and starts that stage; if the
 * process dies before the stage's start, the sweeper starts it. With an idempotency key, a second
 * start answers with the first run (dispatched again, should it be waiting to be).
 */
export async function startRun(
  rt: Runtime,
  ctx: WriteContext,
  flow: AnyFlow,
  input: unknown,
  options: { idempotencyKey?: string | undefined } = {},
): Promise<Started> {
  const parsed = flow.input.safeParse(input);
  if (!parsed.success) {
    throw new AppError("validation_failed", `The input does not fit the flow ${flow.name}`, {
      details: parsed.error.issues.map((issue) => ({ path: ["input", ...issue.path].join("."), message: issue.message })),
    });
  }
  const recordedInput = parsed.data as Record<string, unknown>;
  const existing = async () => {
    if (!options.idempotencyKey) return undefined;
    const [row] = await readAsTenant<{ id: string }>(
      rt.db,
      ctx.tenantId,
      sql`select id from workflows.runs where flow = ${flow.name} and idempotency_key = ${options.idempotencyKey ?? null}`,
    );
    return row?.id;
  };
  const answerExisting = async (runId: string): Promise<Started> => ({
    runId,
    created: false,
    input: recordedInput,
    started: await dispatchRun(rt, ctx.tenantId, runId),
    finished: () => undefined,
  });
  const already = await existing();
  if (already) return answerExisting(already);

  const runId = newId("run");
  const now = rt.clock().toISOString();
  const startedBy = `${ctx.actor.type}:${ctx.actor.id}`;
  const links = flow.links(parsed.data);
  const audit = appendAuditStatement({
    ...ctx,
    action: "workflow.started",
    resourceType: "workflow_run",
    resourceId: runId,
    data: { flow: flow.name, version: flow.version },
  });
  // One round trip (workflows.record_run, in migrations/0006): the run (with what its timeline's
  // first entry says), what links it to records, the wait 0 that triggers its first stage, and its
  // audit entry, together or not at all.
  const record = (flushedByNextCommit: boolean) =>
    writeAsTenant(
      rt.db,
      ctx.tenantId,
      [
        sql`select workflows.record_run(${ctx.tenantId}, ${runId}, ${flow.name}, ${flow.version}, ${flow.runTitle(parsed.data)},
              ${JSON.stringify(parsed.data)}::jsonb, ${options.idempotencyKey ?? null}, ${startedBy}, ${ctx.actor.label ?? null}, ${now},
              ${JSON.stringify(links)}::jsonb, ${`Started ${flow.title} (v${flow.version})`})`,
        audit.statement,
      ],
      { flushedByNextCommit },
    );

  let failure: unknown;
  const recorded = (committed: Promise<unknown>) =>
    committed.then(
      () => true,
      (error: unknown) => {
        failure = error;
        return false;
      },
    );
  let started: WorkflowHandle<void> | undefined;
  let handed: HandOff | undefined;
  if (rt.db.kind === "postgres") {
    // On a server the stage's start (DBOS's own insert, on another connection) overlaps the
    // recording, and the stage waits for the recording before its first step. The recording waits
    // for the disk itself: DBOS's commit may come first.
    const recording = recorded(record(false));
    handed = { input: recordedInput, recorded: recording };
    started = await startFirstStage(ctx.tenantId, runId, flow, handed);
    await recording;
  } else if (await recorded(record(true))) {
    // PGlite has one connection, so nothing would overlap: record, then start the stage, whose
    // commit (DBOS's, waiting for the disk) flushes the recording's.
    handed = { input: recordedInput, recorded: Promise.resolve(true) };
    started = await startFirstStage(ctx.tenantId, runId, flow, handed);
  }
  if (failure) {
    if (!isUniqueViolation(failure)) throw failure;
    // A concurrent start with the same idempotency key recorded its run first.
    const raced = await existing();
    if (raced) return answerExisting(raced);
    throw failure;
  }
  rt.metrics.runStarted(flow.name);
  return { runId, created: true, input: recordedInput, started: started ? [started] : [], finished: () => handed?.finished };
}
