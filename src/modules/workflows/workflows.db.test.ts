import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { DBOS } from "@dbos-inc/dbos-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMailer } from "../../platform/mail/mailer.ts";
import { startSmtpTestServer } from "../../platform/testing/smtp-test-server.ts";
import { flaky, toggles, toyApproval, toyFlaky, toyTimer, written } from "./testing/toy-flows.ts";
import { createWorkflowFixture, type Person, type WorkflowFixture } from "./testing/workflow-fixture.ts";

const PEOPLE: Person[] = [
  { id: "usr_buyer1", email: "bea@acme.test", name: "Bea", roles: ["buyer"], status: "active" },
  { id: "usr_buyer2", email: "bo@acme.test", name: "Bo", roles: ["buyer"], status: "active" },
  { id: "usr_csr", email: "cy@acme.test", name: "Cy", roles: ["csr"], status: "active" },
  { id: "usr_ops", email: "olga@acme.test", name: "Olga", roles: ["operations_manager"], status: "active" },
];

describe("workflows: runs that wait for people without holding a process", () => {
  let f: WorkflowFixture;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  const hooks: { body: string; headers: IncomingMessage["headers"] }[] = [];
  const hookServer = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      hooks.push({ body, headers: request.headers });
      response.writeHead(204).end();
    });
  });

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    await new Promise<void>((resolve) => hookServer.listen(0, "127.0.0.1", resolve));
    f = await createWorkflowFixture({
      flows: [toyApproval, toyTimer, toyFlaky],
      people: PEOPLE,
      mailer: createMailer({ smtpUrl: smtp.url, from: "ops@acme.test" }),
      consoleUrl: "http://console.test",
    });
  }, 60_000);
  afterAll(async () => {
    await f?.close();
    await smtp?.close();
    hookServer.close();
  });
  beforeEach(() => {
    toggles.erpDown = false;
    toggles.releaseBroken = false;
  });

  const start = (input: Record<string, unknown>) => f.workflows.startRun(f.ctx(), { flow: "toy-approval", input });
  const openTask = async (runId: string) => {
    const { data } = await f.workflows.tasks.list(f.as("usr_ops", true), { view: "all", run_id: runId, limit: 10 });
    const task = data.find((candidate) => candidate.status === "open");
    if (!task) throw new Error(`run ${runId} has no open task`);
    return task;
  };

  it("pages an inbox gathered from a person's user, roles and queues newest first, as every open task shows them", async () => {
    const runs = [];
    for (let n = 0; n < 5; n++) runs.push(await start({ amount_minor: 300_000 + n, requested_by: "usr_csr" }));
    for (const run of runs) await f.until(run.id, ["waiting"]);
    const tasks = await Promise.all(runs.map((run) => openTask(run.id)));
    await f.workflows.queues.save(f.ctx(), { name: "night-desk", description: "", roles: [], user_ids: ["usr_csr"] });
    const ops = f.as("usr_ops", true);
    await f.workflows.tasks.reassign(ops, (tasks[0] as { id: string }).id, { to: { type: "queue", id: "night-desk" } });
    await f.workflows.tasks.reassign(ops, (tasks[1] as { id: string }).id, { to: { type: "user", id: "usr_csr" } });

    const everyOpen = async () => {
      const all = [];
      for (let before: string | undefined; ; ) {
        const page = await f.workflows.tasks.list(ops, { view: "all", limit: 100, ...(before ? { before } : {}) });
        all.push(...page.data);
        if (!page.next_before) return all;
        before = page.next_before;
      }
    };
    const inbox = async (person: string, status?: string) => {
      const ids: string[] = [];
      for (let before: string | undefined; ; ) {
        const page = await f.workflows.tasks.list(f.as(person), {
          view: "mine",
          limit: 2,
          ...(status ? { status } : {}),
          ...(before ? { before } : {}),
        });
        expect(page.data.length).toBeLessThanOrEqual(2);
        ids.push(...page.data.map((task) => task.id));
        if (!page.next_before) return ids;
        before = page.next_before;
      }
    };
    const open = (await everyOpen()).filter((task) => task.status === "open");
    const expected = (covers: (assignee: { type: string; id: string }) => boolean) =>
      open
        .filter((task) => covers(task.assignee))
        .map((task) => task.id)
        .sort()
        .reverse();
    // Cy: one task by name, one through the night desk's queue; a CSR's role has none of them.
    const cy = await inbox("usr_csr");
    expect(cy).toEqual(
      expected((a) => (a.type === "user" && a.id === "usr_csr") || (a.type === "queue" && a.id === "night-desk")),
    );
    expect(new Set(cy)).toEqual(new Set([(tasks[0] as { id: string }).id, (tasks[1] as { id: string }).id]));
    // Bea: every open task of the buyers' role, two a page, newest first; the reassigned ones are not hers.
    const bea = await inbox("usr_buyer1");
    expect(bea).toEqual(expected((a) => a.type === "role" && a.id === "buyer"));
    expect(bea).toEqual(expect.arrayContaining(tasks.slice(2).map((task) => (task as { id: string }).id)));
    expect(bea).not.toContain((tasks[0] as { id: string }).id);
    // Asked for open and decided tasks, the same open ones come first among them.
    const beaAny = await inbox("usr_buyer1", "open,decided");
    expect(beaAny).toEqual(expect.arrayContaining(bea));
    // Their tasks would escalate in the tests that move the clock on.
    for (const run of runs) await f.workflows.runs.cancel(f.ctx(), run.id, "done with the inbox");
  });

  it("finishes at once below the threshold, and parks at an approval above it; the decision (with edits) resumes it", async () => {
    const small = await start({ amount_minor: 50_000, requested_by: "usr_csr" });
    expect(await f.until(small.id, ["succeeded"])).toMatchObject({ output: { auto: true } });

    const run = await start({ amount_minor: 250_000, requested_by: "usr_csr" });
    const waiting = await f.until(run.id, ["waiting"]);
    expect(waiting.wait).toMatchObject({ kind: "task" });
    const task = await openTask(run.id);
    expect(task).toMatchObject({
      title: "Approve the toy order",
      assignee: { type: "role", id: "buyer" },
      context: { money: { amount_minor: 250_000, currency: "USD" }, proposal: { quantity: 5 } },
    });
    // In Bea's inbox (a buyer), not in Cy's (a CSR).
    expect((await f.workflows.tasks.list(f.as("usr_buyer1"), { view: "mine", limit: 50 })).data.map((t) => t.id)).toContain(
      task.id,
    );
    expect((await f.workflows.tasks.list(f.as("usr_csr"), { view: "mine", limit: 50 })).data.map((t) => t.id)).not.toContain(
      task.id,
    );

    const decided = await f.workflows.tasks.decide(f.as("usr_buyer1"), task.id, { option: "approve", edits: { quantity: 7 } });
    expect(decided).toMatchObject({ status: "approved", decision: { option: "approve", proposal: { quantity: 7 } } });
    expect(await f.until(run.id, ["succeeded"])).toMatchObject({ output: { written: true, quantity: 7 } });
    expect(written.filter((entry) => entry.startsWith("write:7:"))).toHaveLength(1);

    const { timeline } = await f.workflows.runs.get(f.tenantId, run.id);
    const labels = timeline.map((event) => `${event.kind}:${event.label}`);
    expect(labels).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^started:/),
        "step:reserve",
        "wait:Waiting for: Approve the toy order",
        'resumed:Chose "Approve"',
        "step:write",
        "succeeded:Finished",
      ]),
    );
    // Who decided is the entry's actor, by id with their label beside it, not words in its text.
    expect(timeline.find((event) => event.kind === "resumed")).toMatchObject({
      actor: "user:usr_buyer1",
      actor_label: "bea@acme.test",
    });
    expect(timeline.find((event) => event.kind === "started")).toMatchObject({
      actor: "user:usr_ops",
      actor_label: "olga@acme.test",
    });
    expect(timeline.find((event) => event.kind === "step")).toMatchObject({ actor: null, actor_label: null });
  });

  it("answers a start with the first stage's outcome when asked to wait for it", async () => {
    const small = await f.workflows.startRun(f.ctx(), {
      flow: "toy-approval",
      input: { amount_minor: 10_000, requested_by: "usr_csr" },
      wait_seconds: 10,
    });
    expect(small).toMatchObject({ status: "succeeded", output: { auto: true } });
    const large = await f.workflows.startRun(f.ctx(), {
      flow: "toy-approval",
      input: { amount_minor: 300_000, requested_by: "usr_csr" },
      wait_seconds: 10,
    });
    expect(large).toMatchObject({ status: "waiting", wait: { kind: "task" } });
    await f.workflows.runs.cancel(f.ctx(), large.id, "not needed here");
  });

  it("applies the approval rules: not your own request, not twice, only the assignees, as many approvers as required", async () => {
    const run = await start({ amount_minor: 500_000, requested_by: "usr_buyer1", approvers: 2 });
    await f.until(run.id, ["waiting"]);
    const task = await openTask(run.id);
    await expect(f.workflows.tasks.decide(f.as("usr_buyer1"), task.id, { option: "approve" })).rejects.toThrow(
      /your own request/,
    );
    await expect(f.workflows.tasks.decide(f.as("usr_csr"), task.id, { option: "approve" })).rejects.toThrow(/for role buyer/);
    await expect(f.workflows.tasks.decide(f.as("usr_buyer2"), task.id, { option: "reject" })).rejects.toThrow(/needs a comment/);

    const first = await f.workflows.tasks.decide(f.as("usr_buyer2"), task.id, { option: "approve" });
    expect(first).toMatchObject({ status: "open", approvals: [{ user_id: "usr_buyer2" }] });
    await expect(f.workflows.tasks.decide(f.as("usr_buyer2"), task.id, { option: "approve" })).rejects.toThrow(
      /already approved/,
    );
    // An operations manager with tasks:admin steps in; holding an allowed role, they may approve.
    const second = await f.workflows.tasks.decide(f.as("usr_ops", true), task.id, { option: "approve", comment: "ok" });
    expect(second.status).toBe("approved");
    expect(second.approvals.map((approval) => approval.user_id)).toEqual(["usr_buyer2", "usr_ops"]);
    await expect(f.workflows.tasks.decide(f.as("usr_ops", true), task.id, { option: "approve" })).rejects.toThrow(
      /already approved by olga/,
    );
    await f.until(run.id, ["succeeded"]);
  });

  it("lets a delegate decide while the delegator is away, saying on whose behalf", async () => {
    const run = await start({ amount_minor: 300_000, requested_by: "usr_ops" });
    await f.until(run.id, ["waiting"]);
    const task = await openTask(run.id);
    await expect(f.workflows.tasks.decide(f.as("usr_csr"), task.id, { option: "approve" })).rejects.toThrow(/may not decide/);
    const delegation = await f.workflows.delegations.create(
      { ...f.ctx("usr_buyer2"), userId: "usr_buyer2", taskAdmin: false },
      {
        delegate_user_id: "usr_csr",
        starts_at: new Date(f.now().getTime() - 3600_000).toISOString(),
        ends_at: new Date(f.now().getTime() + 7 * 86_400_000).toISOString(),
      },
    );
    expect((await f.workflows.tasks.list(f.as("usr_csr"), { view: "mine", limit: 50 })).data.map((t) => t.id)).toContain(task.id);
    const decided = await f.workflows.tasks.decide(f.as("usr_csr"), task.id, { option: "approve" });
    expect(decided.decision?.by).toEqual({
      user_id: "usr_csr",
      label: "cy@acme.test",
      on_behalf_of: "bo@acme.test",
      on_behalf_of_user_id: "usr_buyer2",
    });
    expect(decided.approvals).toMatchObject([
      { user_id: "usr_csr", label: "cy@acme.test", on_behalf_of: "bo@acme.test", on_behalf_of_user_id: "usr_buyer2" },
    ]);
    const resumed = (await f.workflows.runs.get(f.tenantId, run.id)).timeline.find((event) => event.kind === "resumed");
    expect(resumed).toMatchObject({
      label: 'Chose "Approve"',
      actor: "user:usr_csr",
      actor_label: "cy@acme.test",
      detail: { on_behalf_of: "bo@acme.test", on_behalf_of_user_id: "usr_buyer2" },
    });
    await f.workflows.delegations.revoke({ ...f.ctx("usr_buyer2"), userId: "usr_buyer2", taskAdmin: false }, delegation.id);
    await f.until(run.id, ["succeeded"]);
  });

  it("escalates an unanswered task up its ladder on time and tells people by email and webhook, then expires it", async () => {
    await f.workflows.notifications.save(f.ctx(), {
      webhook_url: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hooks`,
      webhook_secret: "a-long-enough-webhook-secret",
    });
    const run = await start({ amount_minor: 900_000, requested_by: "usr_csr" });
    await f.until(run.id, ["waiting"]);
    const task = await openTask(run.id);
    await f.workflows.sweep();
    expect(
      smtp.received.some((mail) => mail.envelope.to.includes("bea@acme.test") && mail.subject.includes("Approve the toy order")),
    ).toBe(true);

    f.advance(23 * 3600);
    await f.workflows.sweep();
    expect((await openTask(run.id)).assignee).toEqual({ type: "role", id: "buyer" });

    f.advance(2 * 3600); // 25 hours: the first rung
    await f.workflows.sweep();
    expect(await openTask(run.id)).toMatchObject({ assignee: { type: "role", id: "operations_manager" }, escalation_level: 1 });
    expect(
      smtp.received.some((mail) => mail.envelope.to.includes("olga@acme.test") && mail.subject.startsWith("Escalated:")),
    ).toBe(true);
    const escalatedHook = hooks.find((hook) => hook.headers["x-crossdock-event"] === "task.escalated");
    expect(escalatedHook?.headers["x-crossdock-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(JSON.parse(escalatedHook?.body ?? "{}")).toMatchObject({
      task: { id: task.id, link: `http://console.test/inbox/${task.id}` },
    });

    f.advance(24 * 3600); // the second rung
    await f.workflows.sweep();
    expect(await openTask(run.id)).toMatchObject({ assignee: { type: "role", id: "admin" }, escalation_level: 2, due_at: null });

    f.advance(14 * 86_400);
    await f.workflows.sweep();
    expect(await f.until(run.id, ["succeeded"])).toMatchObject({ output: { expired: true } });
    const { task: expired } = await f.workflows.tasks.get(f.tenantId, task.id);
    expect(expired.status).toBe("expired");
    await f.workflows.notifications.save(f.ctx(), { webhook_url: null });
  });

  it("undoes what the run did when a later step fails for good, and retries the failed stage afresh", async () => {
    toggles.erpDown = true;
    const run = await start({ amount_minor: 200_000, requested_by: "usr_csr" });
    await f.until(run.id, ["waiting"]);
    await f.workflows.tasks.decide(f.as("usr_buyer1"), (await openTask(run.id)).id, { option: "approve" });
    const failed = await f.until(run.id, ["failed"]);
    expect(failed.error).toContain("The ERP refused the order");
    expect(written).toContain(`release:r-${run.id}`);

    toggles.erpDown = false;
    await f.workflows.runs.retry(f.ctx(), run.id, "the ERP is back");
    expect(await f.until(run.id, ["succeeded"])).toMatchObject({ output: { written: true, quantity: 5 } });
    const { timeline } = await f.workflows.runs.get(f.tenantId, run.id);
    expect(timeline.map((event) => event.kind)).toEqual(
      expect.arrayContaining(["step_failed", "compensation", "failed", "retried", "succeeded"]),
    );
    expect(timeline.find((event) => event.kind === "retried")).toMatchObject({
      label: "Retried stage decided",
      detail: { reason: "the ERP is back" },
      actor: "user:usr_ops",
      actor_label: "olga@acme.test",
    });
  });

  it("parks a run whose compensation fails too, for a person to retry or close", async () => {
    toggles.erpDown = true;
    toggles.releaseBroken = true;
    const run = await start({ amount_minor: 200_000, requested_by: "usr_csr" });
    await f.until(run.id, ["waiting"]);
    await f.workflows.tasks.decide(f.as("usr_buyer1"), (await openTask(run.id)).id, { option: "approve" });
    const parked = await f.until(run.id, ["parked"]);
    expect(parked.parked_reason).toContain("The reservation cannot be released");
    const review = await openTask(run.id);
    expect(review).toMatchObject({ kind: "review", assignee: { type: "role", id: "operations_manager" } });

    toggles.releaseBroken = false;
    await f.workflows.tasks.decide(f.as("usr_ops"), review.id, { option: "retry" });
    const failed = await f.until(run.id, ["failed"]);
    expect(failed.status).toBe("failed");
    expect(written).toContain(`release:r-${run.id}`);
  });

  it("closes a parked run resolved by hand, naming who closed it as the entry's actor", async () => {
    toggles.erpDown = true;
    toggles.releaseBroken = true;
    const run = await start({ amount_minor: 210_000, requested_by: "usr_csr" });
    await f.until(run.id, ["waiting"]);
    await f.workflows.tasks.decide(f.as("usr_buyer1"), (await openTask(run.id)).id, { option: "approve" });
    await f.until(run.id, ["parked"]);
    await f.workflows.tasks.decide(f.as("usr_ops"), (await openTask(run.id)).id, {
      option: "resolved",
      comment: "released by hand in the ERP",
    });
    await f.until(run.id, ["failed"]);
    const { timeline } = await f.workflows.runs.get(f.tenantId, run.id);
    expect(timeline.find((event) => event.label === "Closed: resolved by hand")).toMatchObject({
      kind: "failed",
      actor: "user:usr_ops",
      actor_label: "olga@acme.test",
      detail: { comment: "released by hand in the ERP" },
    });
  });

  it("cancels a waiting run with a reason: its task is cancelled and can no longer be decided", async () => {
    const run = await start({ amount_minor: 400_000, requested_by: "usr_csr" });
    await f.until(run.id, ["waiting"]);
    const task = await openTask(run.id);
    await f.workflows.runs.cancel(f.ctx(), run.id, "the customer withdrew the order");
    const { run: cancelled, timeline } = await f.workflows.runs.get(f.tenantId, run.id);
    expect(cancelled.status).toBe("cancelled");
    expect(timeline.find((event) => event.kind === "cancelled")).toMatchObject({
      label: "Cancelled",
      detail: { reason: "the customer withdrew the order" },
      actor: "user:usr_ops",
      actor_label: "olga@acme.test",
    });
    await expect(f.workflows.tasks.decide(f.as("usr_buyer1"), task.id, { option: "approve" })).rejects.toThrow(
      /already cancelled/,
    );
    await expect(f.workflows.runs.cancel(f.ctx(), run.id, "again")).rejects.toThrow(/already been cancelled/);
  });

  it("decides several tasks at once, refusing the ones the rules forbid and deciding the rest", async () => {
    const runs = await Promise.all([
      start({ amount_minor: 150_000, requested_by: "usr_csr" }),
      start({ amount_minor: 160_000, requested_by: "usr_buyer2" }),
      start({ amount_minor: 170_000, requested_by: "usr_csr" }),
    ]);
    for (const run of runs) await f.until(run.id, ["waiting"]);
    const tasks = await Promise.all(runs.map((run) => openTask(run.id)));
    const { results } = await f.workflows.tasks.decideMany(f.as("usr_buyer2"), {
      task_ids: tasks.map((task) => task.id),
      option: "approve",
    });
    expect(results.map((result) => result.ok)).toEqual([true, false, true]);
    expect(results[1]?.error).toMatch(/your own request/);
    for (const run of [runs[0], runs[2]]) await f.until(run?.id as string, ["succeeded"]);
  });

  it("sleeps a week on a durable timer and wakes with its payload", async () => {
    const run = await f.workflows.startRun(f.ctx(), { flow: "toy-timer", input: { note: "weekly" } });
    const waiting = await f.until(run.id, ["waiting"]);
    expect(waiting.wait?.kind).toBe("timer");
    f.advance(6 * 86_400);
    await f.workflows.sweep();
    expect((await f.workflows.runs.get(f.tenantId, run.id)).run.status).toBe("waiting");
    f.advance(86_400 + 1);
    await f.workflows.sweep();
    expect(await f.until(run.id, ["succeeded"])).toMatchObject({ output: { woke: { note: "weekly" } } });
  });

  it("tries a step again after a retryable failure, waiting longer each time, and fails it when the attempts run out", async () => {
    Object.assign(flaky, { failuresLeft: 2, attempts: 0 });
    const started = Date.now();
    const recovered = await f.workflows.startRun(f.ctx(), {
      flow: "toy-flaky",
      input: { interval_seconds: 0.2, attempts: 3 },
      wait_seconds: 10,
    });
    expect(recovered).toMatchObject({ status: "succeeded", output: { answer: "answered on attempt 3" } });
    // Waited 0.2 s, then 0.4 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);

    Object.assign(flaky, { failuresLeft: 10, attempts: 0 });
    const exhausted = await f.workflows.startRun(f.ctx(), {
      flow: "toy-flaky",
      input: { interval_seconds: 0.05, attempts: 3 },
      wait_seconds: 10,
    });
    expect(exhausted.status).toBe("failed");
    expect(exhausted.error).toMatch(/Step call failed: The remote system is busy \(after 3 attempts\)/);
    expect(flaky.attempts).toBe(3);
  });

  it("stops a step waiting to try again as soon as its run is cancelled", async () => {
    Object.assign(flaky, { failuresLeft: 1_000, attempts: 0 });
    const run = await f.workflows.startRun(f.ctx(), { flow: "toy-flaky", input: { interval_seconds: 600, attempts: 5 } });
    await expect.poll(() => flaky.attempts, { timeout: 10_000 }).toBe(1);
    await f.workflows.runs.cancel(f.ctx(), run.id, "the supplier answered by phone");
    // DBOS notices a cancel by polling about once a second; the ten-minute wait does not hold it.
    await expect.poll(async () => (await DBOS.getWorkflowStatus(`${run.id}.1`))?.status, { timeout: 10_000 }).toBe("CANCELLED");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(flaky.attempts).toBe(1);
    expect((await f.workflows.runs.get(f.tenantId, run.id)).run.status).toBe("cancelled");
  });

  it("refuses bad input clearly", async () => {
    await expect(f.workflows.startRun(f.ctx(), { flow: "no-such-flow", input: {} })).rejects.toThrow(/no flow no-such-flow/);
    await expect(f.workflows.startRun(f.ctx(), { flow: "toy-approval", input: { amount_minor: -5 } })).rejects.toMatchObject({
      code: "validation_failed",
      details: expect.arrayContaining([
        expect.objectContaining({ path: "input.amount_minor" }),
        expect.objectContaining({ path: "input.requested_by" }),
      ]),
    });
    const same = { flow: "toy-approval", input: { amount_minor: 10, requested_by: "usr_csr" }, idempotency_key: "k-1" };
    const first = await f.workflows.startRun(f.ctx(), same);
    const again = await f.workflows.startRun(f.ctx(), same);
    expect(again.id).toBe(first.id);
  });
});
