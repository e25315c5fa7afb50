import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { withSystem } from "../../../platform/db/tenant-scope.ts";
import { startTargetServer, type TargetServer } from "../../../platform/testing/http-target-server.ts";
import { usingServer } from "../../../platform/testing/test-database.ts";
import { checkWebhookSignature } from "../webhooks-in/signature.ts";
import { fanOut } from "./fan-out.ts";
import { createWebhooksFixture, type WebhooksFixture } from "./testing/fixture.ts";

/** The verification recipe of README.md, as a receiver would write it, with nothing of Crossdock's code. */
function verify(secret: string, headers: IncomingHttpHeaders, rawBody: string, nowSeconds: number): boolean {
  const timestamp = String(headers["x-crossdock-timestamp"]);
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > 300) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest();
  return String(headers["x-crossdock-signature"])
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.startsWith("v1="))
    .some((part) => {
      const given = Buffer.from(part.slice(3), "hex");
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

const HARBOR = "ten_harbor";
const BAYSIDE = "ten_bayside";
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

describe(`outbound webhooks (${usingServer() ? "PostgreSQL server" : "PGlite"})`, () => {
  let f: WebhooksFixture;
  const servers: TargetServer[] = [];
  const receiver = async (options: Parameters<typeof startTargetServer>[0] = {}) => {
    const server = await startTargetServer({ handle: () => ({ status: 200, body: { ok: true } }), ...options });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    // A short timeout and two slots per subscription, for the slow receiver's test (last).
    f = await createWebhooksFixture({ sender: { timeoutMs: 2_000, maxInFlightPerSubscription: 2, maxInFlight: 8 } });
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  afterAll(() => f?.close());

  it("delivers an event signed, and the documented recipe (and webhooks in) verifies it", async () => {
    const erp = await receiver();
    const { secret, ...subscription } = await f.webhooks.subscriptions.create(f.ctx(HARBOR), {
      url: `${erp.url}/hooks/crossdock`,
      event_types: ["records.shipment.upserted"],
      description: "ERP shipment feed",
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(subscription.secret_hint).toBe(`whsec_…${secret.slice(-4)}`);
    expect(JSON.stringify(await f.webhooks.subscriptions.get(HARBOR, subscription.id))).not.toContain(secret);

    const eventId = await f.emit(HARBOR, "records.shipment.upserted", { id: "shpm_1", status: "in_transit" });
    await f.dispatch();
    expect(await f.webhooks.deliverDue()).toBe(1);

    expect(erp.received).toHaveLength(1);
    const [request] = erp.received;
    expect(request?.path).toBe("/hooks/crossdock");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["x-crossdock-event"]).toBe("records.shipment.upserted");
    expect(request?.json).toEqual({
      id: eventId,
      type: "records.shipment.upserted",
      occurred_at: expect.any(String),
      tenant: HARBOR,
      data: { id: "shpm_1", status: "in_transit" },
    });
    const body = request?.body as string;
    expect(verify(secret, request?.headers ?? {}, body, seconds(f.now()))).toBe(true);
    // Tampered with, or signed with another secret, or too old: refused.
    expect(verify(secret, request?.headers ?? {}, body.replace("in_transit", "delivered"), seconds(f.now()))).toBe(false);
    expect(verify(`${secret}x`, request?.headers ?? {}, body, seconds(f.now()))).toBe(false);
    expect(verify(secret, request?.headers ?? {}, body, seconds(f.now()) + 301)).toBe(false);
    // A Crossdock webhook source with the same secret accepts it: one Crossdock can feed another.
    expect(
      checkWebhookSignature({
        secret,
        body: Buffer.from(body),
        timestamp: request?.headers["x-crossdock-timestamp"] as string,
        signature: request?.headers["x-crossdock-signature"] as string,
        nowSeconds: seconds(f.now()),
      }),
    ).toEqual({ ok: true });

    const [delivery] = await f.deliveries(HARBOR, subscription.id);
    expect(request?.headers["x-crossdock-delivery"]).toBe(delivery?.id);
    expect(delivery).toMatchObject({ event_id: eventId, status: "delivered", attempt_count: 1, last_status_code: 200 });
    expect(delivery?.attempts).toEqual([
      expect.objectContaining({
        number: 1,
        outcome: "delivered",
        status_code: 200,
        error: null,
        response_snippet: '{"ok":true}',
      }),
    ]);
    expect(await f.metric("crossdock_webhook_deliveries_total", { outcome: "delivered" })).toBe(1);
  });

  it("signs with the old secret beside the new one for the overlap a rotation asks for", async () => {
    const erp = await receiver();
    const { secret: first, id } = await f.webhooks.subscriptions.create(f.ctx(HARBOR), {
      url: erp.url,
      event_types: ["records.item.*"],
    });
    const rotated = await f.webhooks.subscriptions.rotateSecret(f.ctx(HARBOR), id, { previous_secret_valid_hours: 2 });
    expect(rotated.secret).not.toBe(first);
    expect(rotated.previous_secret_expires_at).toBe(new Date(f.now().getTime() + 2 * 3_600_000).toISOString());
    await f.emit(HARBOR, "records.item.upserted", { id: "item_1" });
    await f.dispatch();
    await f.webhooks.deliverDue();
    const during = erp.received[0];
    expect(String(during?.headers["x-crossdock-signature"]).split(",")).toHaveLength(2);
    expect(verify(rotated.secret, during?.headers ?? {}, during?.body ?? "", seconds(f.now()))).toBe(true);
    expect(verify(first, during?.headers ?? {}, during?.body ?? "", seconds(f.now()))).toBe(true);

    f.advance(2 * 3_600_000 + 1000);
    await f.emit(HARBOR, "records.item.upserted", { id: "item_2" });
    await f.dispatch();
    await f.webhooks.deliverDue();
    const after = erp.received[1];
    expect(verify(rotated.secret, after?.headers ?? {}, after?.body ?? "", seconds(f.now()))).toBe(true);
    expect(verify(first, after?.headers ?? {}, after?.body ?? "", seconds(f.now()))).toBe(false);
    expect(await f.audit(HARBOR, id)).toEqual([
      "ingest.webhook_subscription.created",
      "ingest.webhook_subscription.secret_rotated",
    ]);
  });

  it("retries a receiver that answers 500 with growing delays until it answers 200", async () => {
    const erp = await receiver({
      handle: (_request, count) => (count <= 3 ? { status: 500, body: "database is restarting" } : { status: 204 }),
    });
    const { id } = await f.webhooks.subscriptions.create(f.ctx(HARBOR), { url: erp.url, event_types: ["action.executed"] });
    await f.emit(HARBOR, "action.executed", { id: "act_1" });
    await f.dispatch();

    const delays: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await f.webhooks.deliverDue()).toBe(1);
      const [delivery] = await f.deliveries(HARBOR, id);
      if (delivery?.status === "delivered") break;
      const next = new Date(delivery?.next_attempt_at as string);
      delays.push(next.getTime() - f.now().getTime());
      // Nothing is sent before it is due.
      f.moveTo(new Date(next.getTime() - 1000));
      expect(await f.webhooks.deliverDue()).toBe(0);
      f.moveTo(next);
    }
    // Full jitter at its ceiling: 30 s, 1 min, 2 min.
    expect(delays.map((ms) => Math.round(ms / 1000))).toEqual([30, 60, 120]);
    const [delivery] = await f.deliveries(HARBOR, id);
    expect(delivery?.status).toBe("delivered");
    expect(delivery?.attempts.map((attempt) => [attempt.status_code, attempt.outcome])).toEqual([
      [500, "failed"],
      [500, "failed"],
      [500, "failed"],
      [204, "delivered"],
    ]);
    expect(delivery?.attempts[0]).toMatchObject({
      error: "The receiver answered 500",
      response_snippet: "database is restarting",
    });
    expect(erp.received.map((request) => request.headers["x-crossdock-attempt"])).toEqual(["1", "2", "3", "4"]);
    // The same delivery each time, so a receiver can tell a retry from a new event.
    expect(new Set(erp.received.map((request) => request.headers["x-crossdock-delivery"])).size).toBe(1);
  });

  it("dead-letters a delivery to a receiver down for 24 hours, and replays it once the receiver is back", async () => {
    const down = await receiver();
    const downUrl = down.url;
    await down.close();
    const { id } = await f.webhooks.subscriptions.create(f.ctx(BAYSIDE), { url: downUrl, event_types: ["records.*"] });
    await f.emit(BAYSIDE, "records.invoice.upserted", { id: "inv_1" });
    await f.dispatch();
    const started = f.now().getTime();
    const queued = await f.webhooks.subscriptions.get(BAYSIDE, id);
    expect(queued.health).toMatchObject({ pending: 1, dead: 0 });
    expect(queued.health.oldest_pending_at).not.toBeNull();
    for (let guard = 0; guard < 100; guard++) {
      await f.webhooks.deliverDue();
      const [delivery] = await f.deliveries(BAYSIDE, id);
      if (delivery?.status !== "pending") break;
      f.moveTo(delivery.next_attempt_at as string);
    }
    const [dead] = await f.deliveries(BAYSIDE, id);
    expect(dead?.status).toBe("dead");
    expect(dead?.next_attempt_at).toBeNull();
    const attempts = dead?.attempts ?? [];
    expect(attempts.length).toBeGreaterThan(20);
    expect(attempts.every((attempt) => attempt.outcome === "failed" && attempt.status_code === null)).toBe(true);
    expect(attempts[0]?.error).toMatch(/ECONNREFUSED/);
    const lastStart = new Date(attempts.at(-1)?.started_at as string).getTime();
    // Tried until the 24 hours were spent, and never after.
    expect(lastStart - started).toBeGreaterThan(23 * 3_600_000);
    expect(lastStart - started).toBeLessThanOrEqual(24 * 3_600_000);
    expect(await f.metric("crossdock_webhook_deliveries", { status: "dead" })).toBe(1);
    expect(await f.metric("crossdock_webhook_deliveries_total", { outcome: "dead_lettered" })).toBe(1);
    const [listed] = (await f.webhooks.subscriptions.list(BAYSIDE)).filter((subscription) => subscription.id === id);
    expect(listed?.health).toEqual({ pending: 0, oldest_pending_at: null, dead: 1 });

    // Nothing more happens on its own.
    f.advance(48 * 3_600_000);
    expect(await f.webhooks.deliverDue()).toBe(0);

    const back = await receiver();
    await f.webhooks.subscriptions.update(f.ctx(BAYSIDE), id, { url: back.url });
    const replayed = await f.webhooks.deliveries.replay(f.ctx(BAYSIDE), id, dead?.id as string);
    expect(replayed.status).toBe("pending");
    expect(await f.webhooks.deliverDue()).toBe(1);
    const delivered = await f.webhooks.deliveries.get(BAYSIDE, id, dead?.id as string);
    expect(delivered).toMatchObject({ status: "delivered", attempt_count: attempts.length + 1, last_status_code: 200 });
    expect(back.received).toHaveLength(1);
    expect(back.received[0]?.json).toMatchObject({ type: "records.invoice.upserted", data: { id: "inv_1" } });
    expect(await f.metric("crossdock_webhook_deliveries", { status: "dead" })).toBe(0);
    expect((await f.webhooks.subscriptions.get(BAYSIDE, id)).health).toEqual({ pending: 0, oldest_pending_at: null, dead: 0 });
    expect(await f.audit(BAYSIDE, dead?.id as string)).toEqual(["ingest.webhook_delivery.replayed"]);
  });

  it("fans out by event type and tenant: tenant B's subscription never gets tenant A's events", async () => {
    const shipments = await receiver();
    const actions = await receiver();
    const everythingOfB = await receiver();
    const ctxA = f.ctx("ten_filter_a");
    const ctxB = f.ctx("ten_filter_b");
    const s1 = await f.webhooks.subscriptions.create(ctxA, { url: shipments.url, event_types: ["records.shipment.upserted"] });
    const s2 = await f.webhooks.subscriptions.create(ctxA, { url: actions.url, event_types: ["action.*"] });
    const s3 = await f.webhooks.subscriptions.create(ctxB, { url: everythingOfB.url, event_types: ["*"] });

    const shipment = await f.emit(ctxA.tenantId, "records.shipment.upserted", { id: "shpm_a" });
    await f.emit(ctxA.tenantId, "records.item.upserted", { id: "item_a" });
    const executed = await f.emit(ctxA.tenantId, "action.executed", { id: "act_a" });
    const itemOfB = await f.emit(ctxB.tenantId, "records.item.upserted", { id: "item_b" });
    await f.dispatch();
    await f.webhooks.deliverDue();

    const ids = (server: TargetServer) => server.received.map((request) => (request.json as { id: string }).id);
    expect(ids(shipments)).toEqual([shipment]);
    expect(ids(actions)).toEqual([executed]);
    expect(ids(everythingOfB)).toEqual([itemOfB]);
    expect(everythingOfB.received[0]?.json).toMatchObject({ tenant: ctxB.tenantId });

    // Neither tenant sees the other's subscriptions or deliveries.
    expect((await f.webhooks.subscriptions.list(ctxA.tenantId)).map((s) => s.id)).toEqual([s1.id, s2.id]);
    await expect(f.webhooks.subscriptions.get(ctxA.tenantId, s3.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(f.webhooks.deliveries.list(ctxA.tenantId, s3.id)).rejects.toMatchObject({ code: "not_found" });

    // Dispatching an event again (a crash before the bus moved its cursor) adds no delivery.
    const [delivery] = await f.deliveries(ctxA.tenantId, s1.id);
    const again = await withSystem(f.db, (tx) =>
      fanOut(
        tx,
        [
          {
            seq: 0,
            txId: "0",
            id: shipment,
            tenantId: ctxA.tenantId,
            type: "records.shipment.upserted",
            subjectType: "test",
            subjectId: "shpm_a",
            actor: null,
            requestId: null,
            occurredAt: f.now().toISOString(),
          },
        ],
        f.now(),
      ),
    );
    expect(again).toBe(0);
    expect((await f.deliveries(ctxA.tenantId, s1.id)).map((d) => d.id)).toEqual([delivery?.id]);
  });

  it("holds deliveries while a subscription is paused and sends them once resumed", async () => {
    const erp = await receiver();
    const ctx = f.ctx("ten_pause");
    const { id } = await f.webhooks.subscriptions.create(ctx, { url: erp.url, event_types: ["records.sales_order.upserted"] });
    const paused = await f.webhooks.subscriptions.update(ctx, id, { status: "paused" });
    expect(paused.status).toBe("paused");
    const first = await f.emit(ctx.tenantId, "records.sales_order.upserted", { id: "so_1" });
    const second = await f.emit(ctx.tenantId, "records.sales_order.upserted", { id: "so_2" });
    await f.dispatch();
    f.advance(3_600_000);
    expect(await f.webhooks.deliverDue()).toBe(0);
    expect(erp.received).toHaveLength(0);
    expect((await f.deliveries(ctx.tenantId, id)).map((d) => d.status)).toEqual(["pending", "pending"]);

    await f.webhooks.subscriptions.update(ctx, id, { status: "active" });
    expect(await f.webhooks.deliverDue()).toBe(2);
    expect(erp.received.map((request) => (request.json as { id: string }).id).sort()).toEqual([first, second].sort());
    expect((await f.deliveries(ctx.tenantId, id)).map((d) => d.status)).toEqual(["delivered", "delivered"]);
    expect(await f.audit(ctx.tenantId, id)).toEqual([
      "ingest.webhook_subscription.created",
      "ingest.webhook_subscription.paused",
      "ingest.webhook_subscription.resumed",
    ]);
  });

  it("pings a subscription: a test delivery, tried once, with its answer", async () => {
    const erp = await receiver({ handle: (_request, count) => (count === 1 ? { status: 200, body: "pong" } : { status: 404 }) });
    const ctx = f.ctx("ten_ping");
    const { id, secret } = await f.webhooks.subscriptions.create(ctx, { url: erp.url, event_types: ["action.denied"] });
    const ok = await f.webhooks.deliveries.ping(ctx, id);
    expect(ok).toMatchObject({ event_type: "webhook.ping", event_id: null, status: "delivered" });
    expect(ok.attempts).toEqual([expect.objectContaining({ outcome: "delivered", status_code: 200, response_snippet: "pong" })]);
    expect(verify(secret, erp.received[0]?.headers ?? {}, erp.received[0]?.body ?? "", seconds(f.now()))).toBe(true);
    const refused = await f.webhooks.deliveries.ping(ctx, id);
    expect(refused).toMatchObject({ status: "dead", last_status_code: 404, attempt_count: 1 });
    f.advance(3_600_000);
    expect(await f.webhooks.deliverDue()).toBe(0);
  });
  it("times out a hanging receiver, which holds at most its share of the sender and delays no other subscription", async () => {
    const slow = await receiver({ handle: () => ({ status: 200, delayMs: 10_000 }) });
    const fast = await receiver();
    const ctx = f.ctx("ten_slow");
    const hanging = await f.webhooks.subscriptions.create(ctx, { url: slow.url, event_types: ["records.*"] });
    const quick = await f.webhooks.subscriptions.create(ctx, { url: fast.url, event_types: ["records.*"] });
    for (let n = 0; n < 6; n++) await f.emit(ctx.tenantId, "records.receipt.upserted", { id: `rcp_${n}` });
    await f.dispatch();

    const started = performance.now();
    f.webhooks.start();
    while (fast.received.length < 6 && performance.now() - started < 5_000) await new Promise((r) => setTimeout(r, 10));
    const fastDone = performance.now() - started;
    expect(fast.received).toHaveLength(6);
    // All six reached the quick receiver before the slow one's first attempts had even timed out…
    expect(fastDone).toBeLessThan(2_000);
    // …while the slow one held no more than its two slots.
    expect(slow.received.length).toBeLessThanOrEqual(2);

    while (performance.now() - started < 15_000) {
      const attempted = (await f.deliveries(ctx.tenantId, hanging.id)).filter((d) => d.attempts.length > 0);
      if (attempted.length >= 2) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await f.webhooks.stop();
    const timedOut = (await f.deliveries(ctx.tenantId, hanging.id)).flatMap((d) => d.attempts);
    expect(timedOut.length).toBeGreaterThanOrEqual(2);
    for (const attempt of timedOut) {
      expect(attempt).toMatchObject({ outcome: "timed_out", status_code: null, error: "No answer within 2 s" });
      expect(attempt.duration_ms).toBeGreaterThanOrEqual(1_950);
      expect(attempt.duration_ms).toBeLessThan(5_000);
    }
    expect((await f.deliveries(ctx.tenantId, quick.id)).every((d) => d.status === "delivered")).toBe(true);
    expect(await f.metric("crossdock_webhook_attempts_total", { outcome: "timed_out" })).toBeGreaterThanOrEqual(2);
  });
});
