import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTargetServer, type TargetServer } from "../../platform/testing/http-target-server.ts";
import { usingServer } from "../../platform/testing/test-database.ts";
import { createTestServer, type TestServer } from "../testing/test-server.ts";

describe(`webhook subscriptions through the API (${usingServer() ? "PostgreSQL server" : "PGlite"})`, () => {
  let server: TestServer;
  let receiver: TargetServer;
  let admin: string;
  let reader: string;
  let outsider: string;

  beforeAll(async () => {
    receiver = await startTargetServer({ handle: (_request, count) => (count === 1 ? { status: 200 } : { status: 503 }) });
    server = await createTestServer({ CROSSDOCK_SECRET_KEY: Buffer.alloc(32, 7).toString("base64") });
    ({ key: admin } = await server.createTenantWithKey("harbor"));
    ({ key: reader } = await server.createTenantWithKey("harbor-readers", ["webhooks:read"]));
    ({ key: outsider } = await server.createTenantWithKey("bayside"));
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  const create = (json: unknown, token = admin) => server.request("POST", "/api/v1/webhook-subscriptions", { token, json });

  it("refuses a bad URL and an unknown event type with an error that names the field", async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ url: "not a url", event_types: ["records.*"] }, "url", /absolute URL/],
      [{ url: "ftp://erp.example.com/hooks", event_types: ["records.*"] }, "url", /http:\/\/ or https:\/\//],
      [{ url: `https://erp.example.com/${"a".repeat(2048)}`, event_types: ["records.*"] }, "url", /2048/],
      [{ url: "https://user:pass@erp.example.com/hooks", event_types: ["records.*"] }, "url", /password/],
      [{ url: "https://erp.example.com/hooks", event_types: [] }, "event_types", /at least one/],
      [{ url: "https://erp.example.com/hooks", event_types: ["shipment delayed!"] }, "event_types.0", /prefix ending in/],
      [
        { url: "https://erp.example.com/hooks", event_types: ["records.*", "shipment.delayed"] },
        "event_types.1",
        /no event type is called "shipment.delayed"/,
      ],
      [{ url: "https://erp.example.com/hooks", event_types: ["records.shipmnt.*"] }, "event_types.0", /did you mean records\./],
      [{ url: "https://erp.example.com/hooks", event_types: ["records.*"], secret: "mine" }, "secret", /unknown field/],
    ];
    for (const [json, path, message] of cases) {
      const response = await create(json);
      expect(response.status, JSON.stringify(json).slice(0, 80)).toBe(422);
      expect(response.body.error.code).toBe("validation_failed");
      const detail = response.body.error.details.find((d: { path?: string }) => d.path === path);
      expect(detail?.message, path).toMatch(message);
    }
    const malformed = await server.request("POST", "/api/v1/webhook-subscriptions", {
      token: admin,
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect((await server.request("GET", "/api/v1/webhook-subscriptions", { token: admin })).body.data).toEqual([]);
  });

  it("checks scopes: webhooks:read reads, webhooks:admin changes, and another tenant sees nothing", async () => {
    const created = await create({ url: `${receiver.url}/in`, event_types: ["records.shipment.upserted"] });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await create({ url: receiver.url, event_types: ["records.*"] }, reader)).status).toBe(403);
    const denied = await server.request("PATCH", `/api/v1/webhook-subscriptions/${id}`, {
      token: reader,
      json: { status: "paused" },
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain("webhooks:admin");
    expect((await server.request("GET", "/api/v1/webhook-event-types", { token: reader })).status).toBe(200);
    // The reader's key lives in another tenant: it sees its own (empty) list, not harbor's.
    expect((await server.request("GET", "/api/v1/webhook-subscriptions", { token: reader })).body.data).toEqual([]);
    expect((await server.request("GET", `/api/v1/webhook-subscriptions/${id}`, { token: outsider })).status).toBe(404);
    expect((await server.request("DELETE", `/api/v1/webhook-subscriptions/${id}`, { token: outsider })).status).toBe(404);
    expect((await server.request("GET", `/api/v1/webhook-subscriptions/${id}`, { token: admin })).status).toBe(200);
    expect((await server.request("DELETE", `/api/v1/webhook-subscriptions/${id}`, { token: admin })).status).toBe(200);
    expect((await server.request("GET", `/api/v1/webhook-subscriptions/${id}`, { token: admin })).status).toBe(404);
  });

  it("lists the event types, shows the secret once, pings, lists deliveries with attempts, replays, audits", async () => {
    const types = await server.request("GET", "/api/v1/webhook-event-types", { token: admin });
    expect(types.body.data.map((t: { type: string }) => t.type)).toEqual(
      expect.arrayContaining(["records.shipment.upserted", "records.sales_order.upserted", "action.executed"]),
    );

    const created = await create({ url: receiver.url, event_types: ["records.*", "action.executed"], description: "ERP" });
    expect(created.status).toBe(201);
    const { id, secret } = created.body as { id: string; secret: string };
    expect(created.body).toMatchObject({ status: "active", description: "ERP", secret_hint: `whsec_…${secret.slice(-4)}` });
    const listed = await server.request("GET", "/api/v1/webhook-subscriptions", { token: admin });
    expect(listed.body.data.map((s: { id: string }) => s.id)).toContain(id);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const ping = await server.request("POST", `/api/v1/webhook-subscriptions/${id}/ping`, { token: admin });
    expect(ping.status).toBe(200);
    expect(ping.body).toMatchObject({ event_type: "webhook.ping", status: "delivered", attempt_count: 1 });
    expect(ping.body.body).toMatchObject({ type: "webhook.ping", data: { subscription_id: id } });
    const [arrived] = receiver.received;
    const signed = `${arrived?.headers["x-crossdock-timestamp"]}.${arrived?.body}`;
    expect(arrived?.headers["x-crossdock-signature"]).toBe(`v1=${createHmac("sha256", secret).update(signed).digest("hex")}`);

    // The receiver goes down: the next ping is dead at once, and its attempt says why.
    const failed = await server.request("POST", `/api/v1/webhook-subscriptions/${id}/ping`, { token: admin });
    expect(failed.body).toMatchObject({ status: "dead", last_status_code: 503 });
    const deliveries = await server.request("GET", `/api/v1/webhook-subscriptions/${id}/deliveries?status=dead`, {
      token: admin,
    });
    expect(deliveries.status).toBe(200);
    expect(deliveries.body.data).toHaveLength(1);
    expect(deliveries.body.data[0].attempts).toEqual([
      expect.objectContaining({ number: 1, outcome: "failed", status_code: 503, error: "The receiver answered 503" }),
    ]);
    const page = await server.request("GET", `/api/v1/webhook-subscriptions/${id}/deliveries?limit=1`, { token: admin });
    expect(page.body.data[0].id).toBe(failed.body.id);
    const next = await server.request(
      "GET",
      `/api/v1/webhook-subscriptions/${id}/deliveries?limit=1&cursor=${page.body.next_cursor}`,
      { token: admin },
    );
    expect(next.body).toMatchObject({ data: [{ id: ping.body.id }], next_cursor: null });
    expect(
      (await server.request("GET", `/api/v1/webhook-subscriptions/${id}/deliveries?cursor=nonsense`, { token: admin })).status,
    ).toBe(400);
    expect(
      (await server.request("GET", `/api/v1/webhook-subscriptions/${id}/deliveries?status=lost`, { token: admin })).status,
    ).toBe(422);

    receiver.answer(() => ({ status: 202 }));
    const replay = await server.request("POST", `/api/v1/webhook-subscriptions/${id}/deliveries/${failed.body.id}/replay`, {
      token: admin,
    });
    expect(replay.status).toBe(202);
    expect(replay.body).toMatchObject({ status: "pending", attempt_count: 1 });
    await server.crossdock.webhooksOut.deliverDue();
    const replayed = await server.request("GET", `/api/v1/webhook-subscriptions/${id}/deliveries/${failed.body.id}`, {
      token: admin,
    });
    expect(replayed.body).toMatchObject({ status: "delivered", attempt_count: 2, last_status_code: 202 });
    expect(replayed.body.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([503, 202]);

    const paused = await server.request("PATCH", `/api/v1/webhook-subscriptions/${id}`, {
      token: admin,
      json: { status: "paused" },
    });
    expect(paused.body.status).toBe("paused");
    expect((await server.request("PATCH", `/api/v1/webhook-subscriptions/${id}`, { token: admin, json: {} })).status).toBe(422);
    const rotated = await server.request("POST", `/api/v1/webhook-subscriptions/${id}/secret`, {
      token: admin,
      json: { previous_secret_valid_hours: 0 },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(secret);
    expect(rotated.body.previous_secret_expires_at).toBeNull();

    const audit = await server.request("GET", `/api/v1/audit?resource_type=webhook_subscription&resource_id=${id}`, {
      token: admin,
    });
    expect(audit.body.data.map((entry: { action: string }) => entry.action)).toEqual([
      "ingest.webhook_subscription.secret_rotated",
      "ingest.webhook_subscription.paused",
      "ingest.webhook_subscription.created",
    ]);
    expect(JSON.stringify(audit.body)).not.toContain(secret);
    expect(JSON.stringify(audit.body)).not.toContain(rotated.body.secret);

    // Without a body, the old secret keeps signing for the default 24 hours.
    const overlapping = await server.request("POST", `/api/v1/webhook-subscriptions/${id}/secret`, { token: admin });
    expect(overlapping.status).toBe(200);
    expect(overlapping.body.previous_secret_expires_at).not.toBeNull();

    const metrics = await server.request("GET", "/metrics");
    expect(metrics.body).toContain('crossdock_webhook_attempts_total{outcome="failed"} 1');
    expect(metrics.body).toContain('crossdock_webhook_deliveries{status="dead"} 0');
  });
});
