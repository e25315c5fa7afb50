import { DBOS } from "@dbos-inc/dbos-sdk";
import { createFlowWorld, type FlowWorld } from "../../test/support/flow-world.ts";
import { dbosThreeSteps, openApprovalFlow, threeStepFlow } from "./bench-flows.ts";

/**
 * One backend's half of `npm run bench -- workflows`, in a process of its own (DBOS is one per
 * process, and the memory figures need a process that did nothing else). The backend is PGlite on
 * disk, or the PostgreSQL server when DATABASE_URL is set. Prints its figures as one JSON line.
 */
const WORKFLOWS = Number(process.env.BENCH_WORKFLOWS ?? 300);
const CALLERS = 16;
const ROUNDS = 3;
/** Each round's workflows are run in this many blocks per kind, alternating. */
const BLOCKS_PER_ROUND = 3;
const OPEN_APPROVALS = Number(process.env.BENCH_OPEN_APPROVALS ?? 10_000);
const CLICKS = Number(process.env.BENCH_CLICKS ?? 40);
const INBOX_PAGE = 50;

export type BackendFigures = Record<string, number>;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
};

/** Runs `count` of `one` from `callers` callers at once; completions per second. */
async function rate(count: number, callers: number, one: (n: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (let n = next++; n < count; n = next++) await one(n);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

/**
 * The process's heap and RSS after a full collection. The test's SMTP and ERP stand-ins run in this
 * process and keep every message they receive; what they hold is counted and let go first, so the
 * figure is Crossdock's own.
 */
function heap(w: FlowWorld, seen: { emails: number }): { heapMb: number; rssMb: number } {
  seen.emails += w.smtp.received.length;
  w.smtp.received.length = 0;
  w.erp.received.length = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return { heapMb: usage.heapUsed / 2 ** 20, rssMb: usage.rss / 2 ** 20 };
}

async function main() {
  const w: FlowWorld = await createFlowWorld({
    pgliteOnDisk: true,
    beforeStart: (crossdock) =>
      crossdock.workflows.register([threeStepFlow, openApprovalFlow], { records: crossdock.records, actions: crossdock.actions }),
  });
  const ctx = { tenantId: w.tenantId, actor: { type: "system" as const, id: "bench", label: "bench" } };
  let offset = 0;
  const bare = (n: number) => DBOS.startWorkflow(dbosThreeSteps)(offset + n).then((handle) => handle.getResult());
  // Started as the API starts a run, waiting for its outcome (DBOS's retrieved handles poll once a second).
  const flow = async (n: number) => {
    const run = await w.crossdock.workflows.startRun(ctx, {
      flow: "bench-three-steps",
      input: { n: offset + n },
      wait_seconds: 30,
    });
    if (run.status !== "succeeded") throw new Error(`run ${run.id} is ${run.status}: ${run.error ?? ""}`);
  };

  /**
   * Bare DBOS and the flow in alternating blocks (which goes first alternates too), each rate the
   * count over the summed time of its blocks: drift on a shared machine (another process, a
   * checkpoint) lands on both alike instead of on whichever ran at the time.
   */
  async function throughput(label: string): Promise<BackendFigures> {
    const figures: BackendFigures = {};
    for (const [name, callers] of [
      ["sequential", 1],
      ["concurrent", CALLERS],
    ] as const) {
      const block = Math.ceil(WORKFLOWS / BLOCKS_PER_ROUND);
      const seconds = { dbos: 0, flow: 0 };
      for (let n = 0; n < ROUNDS * BLOCKS_PER_ROUND; n++) {
        const order = n % 2 === 0 ? (["dbos", "flow"] as const) : (["flow", "dbos"] as const);
        for (const kind of order) {
          seconds[kind] += block / (await rate(block, callers, kind === "dbos" ? bare : flow));
          offset += block;
        }
      }
      const total = block * ROUNDS * BLOCKS_PER_ROUND;
      figures[`dbos_${name}${label}`] = total / seconds.dbos;
      figures[`flow_${name}${label}`] = total / seconds.flow;
    }
    return figures;
  }

  /** Pricing exceptions waiting for a manager; each approved in turn, timed from the click to the ERP's receipt of the write. */
  async function clickToWrite(label: string): Promise<BackendFigures> {
    const waiting: string[] = [];
    for (let n = 0; n < CLICKS; n++) {
      const runId = await w.start("pricing-exception", {
        sales_order_external_id: "SO-1",
        line_number: 1,
        proposed_unit_price: "7.50",
        requested_by: { type: "system", id: "bench", label: "bench" },
      });
      waiting.push(runId);
    }
    const latencies: number[] = [];
    for (const runId of waiting) {
      await w.until(runId, ["waiting"]);
      const task = await w.openTask(runId);
      const clicked = Date.now();
      const decided = await w.as("ops")("POST", `/api/v1/tasks/${task.id}/decision`, { option: "approve" });
      if (decided.status !== 200) throw new Error(`decision refused: ${decided.status} ${JSON.stringify(decided.body)}`);
      for (;;) {
        const write = w.erp.received.find((request) => String(request.headers["idempotency-key"] ?? "").startsWith(`${runId}.`));
        if (write) {
          latencies.push(write.at - clicked);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await w.until(runId, ["succeeded"]);
    }
    return {
      [`click_to_write_p50${label}`]: quantile(latencies, 0.5),
      [`click_to_write_p95${label}`]: quantile(latencies, 0.95),
    };
  }

  /**
   * Sweeps until no task notification is left to send; seconds taken. The background sweeper sends
   * too, and a sweep here skips what it holds, so a sweep that sends nothing waits for those as well.
   */
  async function drainNotifications(): Promise<number> {
    const started = performance.now();
    const due = async () =>
      Number(
        (
          await w.db.pool.query<{ n: number }>(
            // Pending whenever due: one the background sweeper has claimed is due again only after its lease.
            "select count(*)::int as n from workflows.notifications where status = 'pending'",
          )
        ).rows[0]?.n,
      );
    for (;;) {
      if ((await w.crossdock.workflows.sweep()).notified > 0) continue;
      if ((await due()) === 0 || performance.now() - started > 120_000) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return (performance.now() - started) / 1000;
  }

  async function sweepAndInbox(label: string): Promise<BackendFigures> {
    // A pass that finds nothing due: timers, escalations and stragglers scanned, no email to send.
    await drainNotifications();
    const sweeps: number[] = [];
    for (let n = 0; n < 5; n++) {
      const started = performance.now();
      await w.crossdock.workflows.sweep();
      sweeps.push(performance.now() - started);
    }
    const inbox: number[] = [];
    for (let n = 0; n < 5; n++) {
      const started = performance.now();
      const listed = await w.as("buyer")("GET", `/api/v1/tasks?view=mine&status=open&limit=${INBOX_PAGE}`);
      if (listed.status !== 200) throw new Error(`inbox: ${listed.status}`);
      inbox.push(performance.now() - started);
    }
    return { [`sweep_ms${label}`]: median(sweeps), [`inbox_ms${label}`]: median(inbox) };
  }

  let approvals = 0;
  const openApprovals = (count: number) =>
    rate(count, CALLERS, async () => {
      const input = { n: approvals++ };
      const run = await w.crossdock.workflows.startRun(ctx, { flow: "bench-open-approval", input, wait_seconds: 30 });
      if (run.status !== "waiting") throw new Error(`run ${run.id} is ${run.status}: ${run.error ?? ""}`);
    });

  const figures: BackendFigures = {};
  try {
    // Warm the JIT, the connections and DBOS's queues before anything counts.
    await rate(50, 4, bare);
    await rate(50, 4, flow);
    offset += 50;
    Object.assign(figures, await throughput(""));
    Object.assign(figures, await clickToWrite(""));
    // The baseline inbox is a full page: a page's worth of approvals is open before the 10,000.
    await openApprovals(INBOX_PAGE + 10);
    Object.assign(figures, await sweepAndInbox(""));

    const seen = { emails: 0 };
    const before = heap(w, seen);
    seen.emails = 0;
    figures.open_approvals_per_s = await openApprovals(OPEN_APPROVALS / 2);
    const half = heap(w, seen);
    await openApprovals(OPEN_APPROVALS / 2);
    const after = heap(w, seen);
    figures.notification_backlog_drain_s = await drainNotifications();
    figures.new_task_emails = seen.emails + w.smtp.received.length;
    const open = await w.as("buyer")("GET", "/api/v1/tasks?view=mine&status=open&limit=1");
    figures.open_approvals = OPEN_APPROVALS;
    figures.open_during = approvals;
    figures.heap_before_mb = before.heapMb;
    figures.heap_after_mb = after.heapMb;
    figures.heap_bytes_per_approval = ((after.heapMb - before.heapMb) * 2 ** 20) / OPEN_APPROVALS;
    figures.heap_bytes_per_approval_second_half = ((after.heapMb - half.heapMb) * 2 ** 20) / (OPEN_APPROVALS / 2);
    figures.rss_before_mb = before.rssMb;
    figures.rss_after_mb = after.rssMb;
    if (open.status !== 200) throw new Error(`inbox: ${open.status}`);

    Object.assign(figures, await sweepAndInbox("_open"));
    Object.assign(figures, await throughput("_open"));
    Object.assign(figures, await clickToWrite("_open"));
  } finally {
    await w.close();
  }
  process.stdout.write(`\nFIGURES ${JSON.stringify(figures)}\n`);
}

await main();
