import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Action, ActionOutcome, ActionPage, Connector } from "../../modules/actions/index.ts";
import { startTargetServer, type TargetServer } from "../../platform/testing/http-target-server.ts";
import { createTestServer, type TestServer } from "../testing/test-server.ts";

const TEST_SECRET_KEY = Buffer.alloc(32, 3).toString("base64");

describe("actions and connectors through the API", () => {
  let server: TestServer;
  let erp: TargetServer;
  let outbox: string;
  let key: string;
  let reader: string;
  let person: { headers: Record<string, string>; user: { id: string } };
  let n = 0;
  const order = (amount: number, extra: Record<string, unknown> = {}) => {
    n += 1;
    return {
      kind: "sales_order.create",
      idempotency_key: `api-${n}`,
      connector: "erp",
      payload: { order_number: `PO-${n}` },
      facts: { amount_minor: amount, currency: "USD", confidence: 0.98 },
      cause: { type: "document", id: `doc_${n}` },
      run_id: `run_${n}`,
      ...extra,
    };
  };

  beforeAll(async () => {
    erp = await startTargetServer({ honourIdempotency: true });
    outbox = await mkdtemp(path.join(tmpdir(), "crossdock-api-outbox-"));
    server = await createTestServer({ CROSSDOCK_SECRET_KEY: TEST_SECRET_KEY, CROSSDOCK_EDI_OUTBOX_DIR: outbox });
    ({ key } = await server.createTenantWithKey("harbor"));
    reader = (
      await server.request("POST", "/api/v1/api-keys", { token: key, json: { name: "reader", scopes: ["actions:read"] } })
    ).body.secret;
    const created = await server.request("POST", "/api/v1/users", {
      token: key,
      json: { email: "dana@harbor.example", name: "Dana", roles: ["admin"], password: "a long enough password" },
    });
    expect(created.status).toBe(201);
    person = await server.signIn("harbor", "dana@harbor.example", "a long enough password");
  });
  afterAll(async () => {
    await server.close();
    await erp.close();
    await rm(outbox, { recursive: true, force: true });
  });

  it("manages connectors: created masked, listed to readers, refused field by field", async () => {
    const created = await server.request("POST", "/api/v1/connectors", {
      token: key,
      json: {
        name: "erp",
        kind: "rest",
        config: {
          base_url: erp.url,
          auth: { type: "bearer", token: "erp-bearer-token-123456" },
          timeout_ms: 500,
          endpoints: {
            "sales_order.create": {
              method: "POST",
              path: "/orders",
              external_id_path: "data.id",
              compensation: { kind: "sales_order.cancel", method: "DELETE", path: "/orders/{external_id}" },
            },
          },
        },
      },
    });
    expect(created.status).toBe(201);
    expect(Connector.parse(created.body).config).toMatchObject({ auth: { token: "••••3456" } });
    const listed = await server.request("GET", "/api/v1/connectors", { token: reader });
    expect(listed.body.data.map((connector: Connector) => connector.name)).toEqual(["erp"]);
    expect(JSON.stringify(listed.body)).not.toContain("erp-bearer-token");
    expect((await server.request("GET", "/api/v1/connectors/erp", { token: reader })).body.id).toBe(created.body.id);
    expect(
      (await server.request("POST", "/api/v1/connectors", { token: reader, json: { name: "x", kind: "email" } })).status,
    ).toBe(403);

    const bad = await server.request("POST", "/api/v1/connectors", {
      token: key,
      json: {
        name: "edi",
        kind: "edi",
        config: {
          sender: { qualifier: "Z", id: "HARBOR" },
          receiver: { qualifier: "ZZ", id: "ACME" },
          delivery: { type: "folder", path: "../up" },
        },
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual([
      "config.delivery.path",
      "config.sender.qualifier",
    ]);
    const put = await server.request("PUT", "/api/v1/connectors/erp", {
      token: key,
      json: { ...created.body, config: { ...created.body.config, timeout_ms: 400 }, id: undefined },
    });
    expect(put.status).toBe(422); // id, action_kinds, created_at… are not part of a connector's input
    const mail = await server.request("POST", "/api/v1/connectors", { token: key, json: { name: "mail", kind: "email" } });
    expect((await server.request("DELETE", `/api/v1/connectors/${mail.body.id}`, { token: key })).status).toBe(200);
  });

  it("executes a write as the caller, lists it by run and cause, and undoes it", async () => {
    const request = order(120_000);
    const written = await server.request("POST", "/api/v1/actions", { token: key, json: request });
    expect(written.status).toBe(200);
    const action = Action.parse(written.body);
    expect(action).toMatchObject({ status: "succeeded", requested_by: { type: "api_key" }, decision: { effect: "allow" } });
    expect(action.result?.external_id).toMatch(/^SO-/);
    const again = await server.request("POST", "/api/v1/actions", { token: key, json: request });
    expect(again.body).toEqual(written.body);

    const byRun = await server.request("GET", `/api/v1/actions?run_id=${request.run_id}`, { token: reader });
    expect(ActionPage.parse(byRun.body).data.map((a) => a.id)).toEqual([action.id]);
    const byCause = await server.request("GET", `/api/v1/actions?cause_type=document&cause_id=${request.cause.id}`, {
      token: reader,
    });
    expect(byCause.body.data.map((a: Action) => a.id)).toEqual([action.id]);
    expect((await server.request("GET", `/api/v1/actions/${action.id}`, { token: reader })).body).toEqual(written.body);
    expect((await server.request("GET", "/api/v1/actions?cause_id=doc_1", { token: reader })).status).toBe(422);

    const undone = await server.request("POST", `/api/v1/actions/${action.id}/compensate`, {
      token: key,
      json: { reason: "duplicate order" },
    });
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ status: "compensated", compensation: { reason: "duplicate order" } });
    expect(erp.received.at(-1)).toMatchObject({ method: "DELETE", path: `/orders/${action.result?.external_id}` });
  });

  it("tries a write out without writing anything", async () => {
    const before = erp.received.length;
    const request = order(3_000_000);
    const outcome = await server.request("POST", "/api/v1/actions/dry-run", { token: key, json: request });
    expect(outcome.status).toBe(200);
    expect(ActionOutcome.parse(outcome.body)).toMatchObject({
      dry_run: true,
      decision: { effect: "approval_required", approver_role: "operations_manager" },
      would: {
        method: "POST",
        url: `${erp.url}/orders`,
        compensation: { kind: "sales_order.cancel", method: "DELETE", url: `${erp.url}/orders/{external_id}` },
      },
    });
    expect(erp.received.length).toBe(before);
    expect((await server.request("GET", `/api/v1/actions?run_id=${request.run_id}`, { token: key })).body.data).toEqual([]);
  });

  it("decides a person's request by their roles", async () => {
    // A person's own order within the limit needs no confidence; a larger one waits for its tier's role, even an admin's.
    const small = await server.request("POST", "/api/v1/actions", {
      headers: person.headers,
      json: order(10_000, { facts: { amount_minor: 10_000 } }),
    });
    expect(small.body).toMatchObject({ status: "succeeded", requested_by: { type: "user", id: person.user.id } });
    const large = await server.request("POST", "/api/v1/actions", { headers: person.headers, json: order(1_000_000) });
    expect(large.body).toMatchObject({ status: "awaiting_approval", decision: { approver_role: "csr" } });
  });

  it("answers a failing target with 502 and retryable, a refusing one with 502 and not retryable, and bad input with 422", async () => {
    erp.answer(() => ({ status: 500, body: { error: "down" } }));
    const failing = await server.request("POST", "/api/v1/actions", { token: key, json: order(1_000) });
    expect(failing.status).toBe(502);
    expect(failing.body.error).toMatchObject({
      code: "connector_unavailable",
      retryable: true,
      upstream_status: 500,
      action_id: expect.stringMatching(/^act_/),
    });
    expect((await server.request("GET", `/api/v1/actions/${failing.body.error.action_id}`, { token: key })).body).toMatchObject({
      status: "failed",
      attempts: 1,
    });
    erp.answer(() => ({ status: 400, body: { error: "no such customer" } }));
    const refused = await server.request("POST", "/api/v1/actions", { token: key, json: order(1_000) });
    expect(refused.status).toBe(502);
    expect(refused.body.error).toMatchObject({ code: "connector_refused", retryable: false, upstream_status: 400 });
    erp.answer((_request, count) => ({ status: 201, body: { data: { id: `SO-${count}` } } }));

    const unknownKind = await server.request("POST", "/api/v1/actions", {
      token: key,
      json: { ...order(1), kind: "sales_order.delete" },
    });
    expect(unknownKind.status).toBe(422);
    expect(unknownKind.body.error.details[0].path).toBe("kind");
    const unknownConnector = await server.request("POST", "/api/v1/actions", {
      token: key,
      json: order(1, { connector: "sap" }),
    });
    expect(unknownConnector.status).toBe(422);
    expect(unknownConnector.body.error).toMatchObject({ code: "connector_not_found", details: [{ path: "connector" }] });
    const reused = await server.request("POST", "/api/v1/actions", {
      token: key,
      json: { ...order(1), idempotency_key: "api-1" },
    });
    expect(reused.status).toBe(409);
    expect((await server.request("POST", "/api/v1/actions", { token: reader, json: order(1) })).status).toBe(403);
  });
});
