import * as vitest from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTargetServer, type TargetServer } from "../../../../platform/testing/http-target-server.ts";
import type { ActionRequestInput, ConnectorInput } from "../../contract/index.ts";
import { PermanentActionError, RetryableActionError } from "../../errors.ts";
import { type ActionsFixture, createActionsFixture } from "../../testing/fixture.ts";
import { describeConnectorContract } from "../connector-contract.ts";

const TOKEN = "erp-token-0123456789-abcd";

/** An ERP's order API: create returns the new order's number; cancel undoes it. */
function erpConnector(url: string, overrides: Record<string, unknown> = {}): ConnectorInput {
  return {
    name: "erp",
    kind: "rest",
    config: {
      base_url: `${url}/api`,
      auth: { type: "bearer", token: TOKEN },
      timeout_ms: 400,
      endpoints: {
        "sales_order.create": {
          method: "POST",
          path: "/customers/{customer}/orders",
          body: {
            number: "{{payload.order_number}}",
            lines: "{{payload.lines}}",
            reference: "crossdock {{action.idempotency_key}}",
          },
          external_id_path: "data.id",
          compensation: {
            kind: "sales_order.cancel",
            method: "POST",
            path: "/orders/{external_id}/cancel",
            body: { reason: "undone" },
          },
        },
      },
      ...overrides,
    },
  };
}

describeConnectorContract(vitest, "rest", async () => {
  const target = await startTargetServer({ honourIdempotency: true });
  const fixture = await createActionsFixture();
  return {
    fixture,
    subject: {
      kind: "rest",
      actionKind: "sales_order.create",
      unsupportedKind: "case.update",
      input: { kind: "rest", config: erpConnector(target.url).config } as never,
      payload: (n) => ({ customer: "C-7", order_number: `PO-${n}`, lines: [{ sku: "BRG-6204", quantity: n }] }),
      invalidPayload: { payload: { order_number: "PO-X", lines: [] }, path: "config.endpoints.sales_order.create.path" },
      secret: TOKEN,
      delivered: async () => target.writes.size,
    },
    async close() {
      await target.close();
      await fixture.close();
    },
  };
});

describe("REST connector against a real HTTP server", () => {
  let f: ActionsFixture;
  let target: TargetServer;
  let n = 0;
  const order = (overrides: Partial<ActionRequestInput> = {}): ActionRequestInput => {
    n += 1;
    return {
      kind: "sales_order.create",
      idempotency_key: `order-${n}`,
      connector: "erp",
      payload: { customer: "C 7/a", order_number: `PO-${n}`, lines: [{ sku: "BRG-6204", quantity: 3 }] },
      facts: { amount_minor: 20_000, currency: "USD", confidence: 0.97 },
      cause: { type: "workflow_run", id: `run_${n}` },
      run_id: `run_${n}`,
      ...overrides,
    };
  };

  beforeAll(async () => {
    target = await startTargetServer({ honourIdempotency: true });
    f = await createActionsFixture();
    await f.actions.connectors.create(f.person("usr_it"), erpConnector(target.url));
  });
  afterAll(async () => {
    await target.close();
    await f.close();
  });

  it("posts the rendered body with its Idempotency-Key and auth, takes the external id from a 201, and registers the undo", async () => {
    target.answer((_request, count) => ({ status: 201, body: { data: { id: `SO-${1000 + count}` } } }));
    const before = target.received.length;
    const outcome = await f.actions.execute(f.flow, order());
    if (outcome.dry_run) throw new Error("expected a write");
    const sent = target.received[before];
    expect(sent).toMatchObject({ method: "POST", path: `/api/customers/C%207%2Fa/orders` });
    expect(sent?.headers).toMatchObject({
      "idempotency-key": `order-${n}`,
      authorization: `Bearer ${TOKEN}`,
      "content-type": "application/json",
    });
    expect(sent?.json).toEqual({
      number: `PO-${n}`,
      lines: [{ sku: "BRG-6204", quantity: 3 }],
      reference: `crossdock order-${n}`,
    });
    const { action } = outcome;
    expect(action.result).toMatchObject({ external_id: `SO-${1000 + before + 1}`, status: 201 });
    expect(action.compensation).toMatchObject({
      kind: "sales_order.cancel",
      idempotency_key: `${action.id}:undo`,
      request: { method: "POST", url: `${target.url}/api/orders/SO-${1000 + before + 1}/cancel`, body: { reason: "undone" } },
      reason: null,
    });

    const undone = await f.actions.compensate(f.flow, action.id, "the customer withdrew the PO");
    expect(undone).toMatchObject({
      status: "compensated",
      compensation: { reason: "the customer withdrew the PO", error: null },
    });
    const cancel = target.received.at(-1);
    expect(cancel).toMatchObject({ method: "POST", path: `/api/orders/SO-${1000 + before + 1}/cancel` });
    expect(cancel?.headers["idempotency-key"]).toBe(`${action.id}:undo`);
    const count = target.received.length;
    expect(await f.actions.compensate(f.flow, action.id, "again")).toMatchObject({ status: "compensated" });
    expect(target.received.length).toBe(count);
    expect((await f.auditOf(action.id)).map((entry) => entry.action)).toEqual(["action.compensated", "action.executed"]);
  });

  it("keeps a target answering 500 forever as one failed action, each attempt retryable and audited", async () => {
    target.answer(() => ({ status: 500, body: { error: "database is down" } }));
    const request = order();
    for (let attempt = 1; attempt <= 3; attempt++) {
      const failure = await f.actions.execute(f.flow, request).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(RetryableActionError);
      expect(failure).toMatchObject({ retryable: true, code: "connector_unavailable", upstreamStatus: 500 });
      expect((failure as Error).message).toContain("answered 500");
    }
    const [action] = (await f.actions.list(f.tenant.id, { run_id: request.run_id })).data;
    expect(action).toMatchObject({
      status: "failed",
      attempts: 3,
      error: { code: "connector_unavailable", retryable: true, status: 500 },
    });
    expect((await f.auditOf(action?.id ?? "")).map((entry) => entry.action)).toEqual([
      "action.failed",
      "action.failed",
      "action.failed",
    ]);
  });

  it("treats a timeout, a 429 and a 503 as retryable, and a 422 as permanent", async () => {
    target.answer(() => ({ status: 201, body: { data: { id: "late" } }, delayMs: 1_000 }));
    await expect(f.actions.execute(f.flow, order())).rejects.toMatchObject({
      retryable: true,
      message: expect.stringContaining("did not answer within 400 ms"),
    });
    target.answer(() => ({ status: 429, headers: { "retry-after": "7" } }));
    await expect(f.actions.execute(f.flow, order())).rejects.toMatchObject({
      retryable: true,
      retryAfterMs: 7_000,
      upstreamStatus: 429,
    });
    target.answer(() => ({ status: 503 }));
    await expect(f.actions.execute(f.flow, order())).rejects.toBeInstanceOf(RetryableActionError);
    target.answer(() => ({ status: 422, body: { error: "unknown customer C 7/a" } }));
    const refused = await f.actions.execute(f.flow, order()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PermanentActionError);
    expect(refused).toMatchObject({ retryable: false, code: "connector_refused", upstreamStatus: 422, status: 502 });
    expect((refused as Error).message).toContain("unknown customer C 7/a");
    const [action] = (await f.actions.list(f.tenant.id, { run_id: `run_${n}` })).data;
    expect(action?.error).toMatchObject({ code: "connector_refused", retryable: false, status: 422 });
  });

  it("writes once when the first request landed but its answer came too late: the retry carries the same key", async () => {
    let slow = true;
    target.answer((_request, count) => {
      const answer = { status: 201, body: { data: { id: `SO-LATE-${count}` } }, delayMs: slow ? 1_000 : 0 };
      slow = false;
      return answer;
    });
    const request = order();
    const before = target.received.length;
    await expect(f.actions.execute(f.flow, request)).rejects.toMatchObject({ retryable: true });
    const outcome = await f.actions.execute(f.flow, request);
    if (outcome.dry_run) throw new Error("expected a write");
    const seen = target.received.slice(before);
    expect(seen).toHaveLength(2);
    expect(seen.map((request) => request.headers["idempotency-key"])).toEqual([request.idempotency_key, request.idempotency_key]);
    expect(target.writes.get(request.idempotency_key)?.count).toBe(2);
    expect(outcome.action).toMatchObject({ status: "succeeded", attempts: 2, result: { external_id: `SO-LATE-${before + 1}` } });
    // A third call finds it written and sends nothing.
    await f.actions.execute(f.flow, request);
    expect(target.received.length).toBe(before + 2);
    const all = (await f.actions.list(f.tenant.id, { run_id: request.run_id })).data;
    expect(all).toHaveLength(1);
  });

  it("lets only one of two simultaneous attempts at the same write go out; the other is told to retry", async () => {
    target.answer((_request, count) => ({ status: 201, body: { data: { id: `SO-${count}` } }, delayMs: 150 }));
    const request = order();
    const before = target.received.length;
    const [first, second] = await Promise.allSettled([f.actions.execute(f.flow, request), f.actions.execute(f.flow, request)]);
    const outcomes = [first, second];
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "action_in_progress", retryable: true });
    expect(target.received.length).toBe(before + 1);
    const retried = await f.actions.execute(f.flow, request);
    expect(retried).toMatchObject({ action: { status: "succeeded", attempts: 1 } });
  });

  it("parks a compensation that fails as compensation_failed, and says so permanently", async () => {
    target.answer((request) =>
      request.path.endsWith("/cancel")
        ? { status: 409, body: "already shipped" }
        : { status: 201, body: { data: { id: "SO-SHIPPED" } } },
    );
    const outcome = await f.actions.execute(f.flow, order());
    if (outcome.dry_run) throw new Error("expected a write");
    const failure = await f.actions.compensate(f.flow, outcome.action.id, "run failed").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PermanentActionError);
    expect(failure).toMatchObject({ code: "compensation_failed", retryable: false, actionId: outcome.action.id });
    expect((failure as Error).message).toContain("already shipped");
    const action = await f.actions.get(f.tenant.id, outcome.action.id);
    expect(action).toMatchObject({
      status: "compensation_failed",
      compensation: { reason: "run failed", error: { code: "connector_refused", status: 409 } },
    });
    expect((await f.auditOf(action.id))[0]).toMatchObject({
      action: "action.compensation_failed",
      data: { reason: "run failed" },
    });
  });

  it("refuses a payload the path template cannot be filled from, naming the template", async () => {
    const request = order({ payload: { order_number: "PO-1" } });
    await expect(f.actions.execute(f.flow, request)).rejects.toMatchObject({
      status: 422,
      code: "template_invalid",
      message: "config.endpoints.sales_order.create.path: {{payload.customer}} has no value",
    });
  });
});
