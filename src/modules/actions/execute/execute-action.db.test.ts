import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../../platform/logger.ts";
import { startTargetServer, type TargetServer } from "../../../platform/testing/http-target-server.ts";
import type { ActionRequestInput, ConnectorInput } from "../contract/index.ts";
import { createActions } from "../index.ts";
import { type ActionsFixture, createActionsFixture } from "../testing/fixture.ts";

describe("executing a write under the default policies", () => {
  let f: ActionsFixture;
  let erp: TargetServer;
  let n = 0;
  const order = (amount: number, overrides: Partial<ActionRequestInput> = {}): ActionRequestInput => {
    n += 1;
    return {
      kind: "sales_order.create",
      idempotency_key: `so-${n}`,
      connector: "erp",
      payload: { order_number: `PO-${n}` },
      facts: { amount_minor: amount, currency: "USD", confidence: 0.97, customer_tier: "gold" },
      cause: { type: "document", id: `doc_${n}` },
      run_id: `run_${n}`,
      summary: `Order PO-${n}`,
      ...overrides,
    };
  };
  const approval = (id: string, roles: string[]) => ({
    approved_by: { type: "user" as const, id, label: `${id}@harbor.example`, roles },
    task_id: `task_${id}`,
    at: "2026-03-05T10:00:00.000Z",
  });

  beforeAll(async () => {
    erp = await startTargetServer({ honourIdempotency: true });
    f = await createActionsFixture();
    const connector: ConnectorInput = {
      name: "erp",
      kind: "rest",
      config: {
        base_url: erp.url,
        endpoints: { "sales_order.create": { method: "POST", path: "/orders", external_id_path: "data.id" } },
      },
    };
    await f.actions.connectors.create(f.person("usr_it"), connector);
    await f.actions.connectors.create({ ...f.person("usr_it"), tenantId: f.other.id }, connector);
  });
  afterAll(async () => {
    await erp.close();
    await f.close();
  });

  it("writes a small, confident order on its own", async () => {
    const outcome = await f.actions.execute(f.flow, order(120_000));
    expect(outcome).toMatchObject({
      dry_run: false,
      action: { status: "succeeded", decision: { effect: "allow", source: "default", policy_version: 0 }, approval: null },
    });
  });

  it("stores a larger order as awaiting approval by the tier's role, sends nothing, and writes it once approved", async () => {
    const request = order(1_200_000);
    const sent = erp.received.length;
    const waiting = await f.actions.execute(f.flow, request);
    expect(waiting).toMatchObject({
      action: { status: "awaiting_approval", attempts: 0, decision: { effect: "approval_required", approver_role: "csr" } },
    });
    expect(erp.received.length).toBe(sent);
    // Asking again without an approval changes nothing.
    expect(await f.actions.execute(f.flow, request)).toEqual(waiting);

    const approved = await f.actions.execute(f.flow, request, { approval: approval("usr_dana", ["csr"]) });
    if (approved.dry_run) throw new Error("expected a write");
    expect(approved.action).toMatchObject({
      id: waiting.dry_run ? "" : waiting.action.id,
      status: "succeeded",
      attempts: 1,
      approval: {
        approved_by: { type: "user", id: "usr_dana", label: "usr_dana@harbor.example", roles: ["csr"] },
        task_id: "task_usr_dana",
        at: "2026-03-05T10:00:00.000Z",
        policies: ["approve-in-approver-role"],
      },
    });
    expect(erp.received.length).toBe(sent + 1);
    const trail = await f.auditOf(approved.action.id);
    expect(trail.map((entry) => entry.action)).toEqual(["action.executed", "action.approval_required"]);
    expect(trail[0]?.data).toMatchObject({ approval: { task_id: "task_usr_dana", policies: ["approve-in-approver-role"] } });
  });

  it("keeps an approval across a failed attempt, while policy still lets that person approve", async () => {
    const request = order(1_300_000);
    erp.answer(() => ({ status: 503 }));
    await expect(f.actions.execute(f.flow, request, { approval: approval("usr_dana", ["csr"]) })).rejects.toMatchObject({
      retryable: true,
    });
    erp.answer((_request, count) => ({ status: 201, body: { data: { id: `SO-${count}` } } }));
    const retried = await f.actions.execute(f.flow, request);
    expect(retried).toMatchObject({
      action: { status: "succeeded", attempts: 2, approval: { approved_by: { id: "usr_dana" } } },
    });

    const bigger = order(1_400_000);
    erp.answer(() => ({ status: 503 }));
    await expect(f.actions.execute(f.flow, bigger, { approval: approval("usr_dana", ["csr"]) })).rejects.toMatchObject({
      retryable: true,
    });
    erp.answer((_request, count) => ({ status: 201, body: { data: { id: `SO-${count}` } } }));
    // Policy now puts this amount beyond a CSR: the earlier approval no longer counts.
    const base = await f.actions.policies.get(f.tenant.id);
    const create = base.data.kinds["sales_order.create"];
    await f.actions.policies.save(f.person("usr_admin"), {
      data: {
        ...base.data,
        kinds: { ...base.data.kinds, "sales_order.create": { ...create, approver_tiers: [{ max_minor: null, role: "admin" }] } },
      },
    });
    expect(await f.actions.execute(f.flow, bigger)).toMatchObject({
      action: { status: "awaiting_approval", decision: { approver_role: "admin" } },
    });
    await f.actions.policies.save(f.person("usr_admin"), { data: base.data });
  });

  it("refuses an approver outside the approver role, and anyone approving their own request (403)", async () => {
    const request = order(1_500_000);
    await f.actions.execute(f.flow, request);
    await expect(f.actions.execute(f.flow, request, { approval: approval("usr_bob", ["buyer"]) })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining("may not approve"),
    });
    const mine = order(1_500_000);
    const dana = f.person("usr_dana");
    await f.actions.execute(dana, mine, { roles: ["csr"] });
    await expect(f.actions.execute(dana, mine, { approval: approval("usr_dana", ["csr"]) })).rejects.toMatchObject({
      status: 403,
      details: [expect.objectContaining({ code: "self_approval" })],
    });
    // Nor when a flow carries the request on: the approver is checked against who asked first.
    await expect(f.actions.execute(f.flow, mine, { approval: approval("usr_dana", ["csr"]) })).rejects.toMatchObject({
      status: 403,
    });
    expect((await f.actions.list(f.tenant.id, { run_id: mine.run_id })).data[0]).toMatchObject({ status: "awaiting_approval" });
  });

  it("stores a denial, audits it with its reasons, and returns it rather than throwing", async () => {
    const outcome = await f.actions.execute(
      f.flow,
      order(1_000, { facts: { amount_minor: 1_000, confidence: 0.99, customer_tier: "blocked" } }),
    );
    if (outcome.dry_run) throw new Error("expected an action");
    expect(outcome.action).toMatchObject({
      status: "denied",
      decision: { effect: "deny", policies: ["deny-blocked-customer-tiers"] },
    });
    const [entry] = await f.auditOf(outcome.action.id);
    expect(entry).toMatchObject({
      action: "action.denied",
      data: { policies: ["deny-blocked-customer-tiers"], reasons: ["this kind of write is never made for this customer tier"] },
    });
  });

  it("shows a dry run for an approval-bound write without storing it", async () => {
    const request = order(2_000_000);
    const outcome = await f.actions.execute(f.flow, request, { dryRun: true });
    expect(outcome).toMatchObject({
      dry_run: true,
      decision: { effect: "approval_required", approver_role: "csr" },
      would: { method: "POST", url: `${erp.url}/orders`, body: { order_number: `PO-${n}` }, compensation: null },
    });
    expect((await f.actions.list(f.tenant.id, { run_id: request.run_id })).data).toEqual([]);
  });

  it("refuses a malformed request with every field at fault named", async () => {
    const bad = {
      ...order(1),
      kind: "sales_order.delete",
      facts: { confidence: 2, amount_minor: 1.5 },
      extra: true,
    } as unknown as ActionRequestInput;
    const refused = await f.actions.execute(f.flow, bad).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 422, code: "validation_failed" });
    expect((refused as { details: { path: string }[] }).details.map((detail) => detail.path).sort()).toEqual([
      "extra",
      "facts.amount_minor",
      "facts.confidence",
      "kind",
    ]);
  });

  it("keeps each tenant's actions to itself, and pages newest first with filters", async () => {
    await f.actions.execute({ ...f.flow, tenantId: f.other.id }, order(100, { idempotency_key: "so-1" }));
    expect((await f.actions.list(f.other.id)).data).toHaveLength(1);
    const all = (await f.actions.list(f.tenant.id, { limit: 200 })).data;
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.every((action) => action.idempotency_key !== "so-1" || action.request.payload.order_number === "PO-1")).toBe(true);
    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await f.actions.list(f.tenant.id, { limit: 2, ...(cursor ? { cursor } : {}) });
      pages.push(...page.data.map((action) => action.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual(all.map((action) => action.id));
    expect([...pages].sort().reverse()).toEqual(pages);
    const succeeded = await f.actions.list(f.tenant.id, { status: "succeeded", kind: "sales_order.create" });
    expect(succeeded.data.every((action) => action.status === "succeeded")).toBe(true);
    expect((await f.actions.list(f.tenant.id, { since: "2999-01-01T00:00:00Z" })).data).toEqual([]);
    await expect(f.actions.list(f.tenant.id, { cursor: "nonsense" })).rejects.toMatchObject({ status: 400 });
    await expect(f.actions.get(f.other.id, all[0]?.id ?? "")).rejects.toMatchObject({ status: 404 });
  });

  it("asks mayApprove for the approver and never lets a person approve their own request", async () => {
    const request = order(30_000_000);
    expect(await f.actions.mayApprove(f.flow, request, { id: "usr_ops", roles: ["operations_manager"] })).toMatchObject({
      allowed: false,
      approver_role: "admin",
    });
    expect(await f.actions.mayApprove(f.flow, request, { id: "usr_admin", roles: ["admin"] })).toMatchObject({ allowed: true });
    expect(await f.actions.mayApprove(f.person("usr_admin"), request, { id: "usr_admin", roles: ["admin"] })).toMatchObject({
      allowed: false,
      reasons: ["nobody approves their own request"],
    });
  });
  it("decides a denied write again when it is retried after the policy changed", async () => {
    const request = order(1_000, { facts: { amount_minor: 1_000, confidence: 0.99, customer_tier: "trial" } });
    const admin = f.person("usr_admin");
    const data = (tiers: string[]) => ({
      default: {
        auto_approve_max_minor: 500_000,
        min_confidence: 0.9,
        approver_tiers: [{ max_minor: null, role: "csr" }],
        deny_customer_tiers: tiers,
      },
    });
    await f.actions.policies.save(admin, { data: data(["trial"]) });
    expect(await f.actions.execute(f.flow, request)).toMatchObject({
      action: { status: "denied", decision: { source: "tenant" } },
    });
    const saved = await f.actions.policies.save(admin, { data: data([]) });
    expect(await f.actions.execute(f.flow, request)).toMatchObject({
      action: { status: "succeeded", decision: { policy_version: saved.version } },
    });
  });

  it("takes over a write its own executor's previous incarnation left executing, and waits for another live executor's", async () => {
    const request = order(1_000);
    let slow = true;
    erp.answer((_request, count) => ({ status: 201, body: { data: { id: `SO-${count}` } }, delayMs: slow ? 800 : 0 }));
    const deps = { db: f.db, logger: createLogger({ level: "silent" }), mailer: f.mailer };
    const restarted = createActions({ ...deps, config: f.config });
    const elsewhere = createActions({ ...deps, config: { ...f.config, executorId: "worker-2" } });
    const before = erp.received.length;
    const interrupted = f.actions.execute(f.flow, request);
    while (erp.received.length === before) await new Promise((resolve) => setTimeout(resolve, 10));
    slow = false;
    const waiting = await elsewhere.execute(f.flow, request).catch((error: unknown) => error);
    expect(waiting).toMatchObject({ code: "action_in_progress", retryable: true });
    expect((waiting as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(10_000);
    const taken = await restarted.execute(f.flow, request);
    expect(taken).toMatchObject({ action: { status: "succeeded", attempts: 2 } });
    expect(erp.received.slice(before).map((sent) => sent.headers["idempotency-key"])).toEqual([
      request.idempotency_key,
      request.idempotency_key,
    ]);
    await interrupted;
  });
});
