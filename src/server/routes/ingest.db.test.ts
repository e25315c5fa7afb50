import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DELIVERY_HEADER,
  ReceiptDetail,
  SIGNATURE_HEADER,
  Source,
  SourceWithSecret,
  signWebhook,
  TIMESTAMP_HEADER,
} from "../../modules/ingest/index.ts";
import { createTestServer, type TestServer } from "../testing/test-server.ts";

// On the PostgreSQL server, once with receipts processed on the webhook's thread and once in a
// thread of their own, as `crossdock start` processes them there.
const processorThreads = process.env.DATABASE_URL ? [false, true] : [false];

describe.each(processorThreads)(
  "webhooks in: signed, stored, mapped to records, quarantined and replayed (processor thread: %s)",
  (processorThread) => {
    let server: TestServer;
    let harbor: { key: string };
    let bayside: { key: string };
    let source: SourceWithSecret;
    let example: Record<string, unknown>;

    beforeAll(async () => {
      server = await createTestServer({ CROSSDOCK_SECRET_KEY: Buffer.alloc(32, 6).toString("base64") }, { processorThread });
      harbor = await server.createTenantWithKey("harbor");
      bayside = await server.createTenantWithKey("bayside");
      server.crossdock.ingest.start();
      const mappings = await server.request("GET", "/api/v1/ingest/mappings", { token: harbor.key });
      expect(mappings.status).toBe(200);
      const shopify = (mappings.body.data as { name: string; example: Record<string, unknown> }[]).find(
        (mapping) => mapping.name === "shopify-order",
      );
      expect(shopify, "a ready Shopify order mapping").toBeDefined();
      example = shopify?.example as Record<string, unknown>;
      const created = await server.request("POST", "/api/v1/ingest/sources", {
        token: harbor.key,
        json: { name: "web-shop", system: "ecommerce", mapping: { ready: "shopify-order" } },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      source = SourceWithSecret.parse(created.body);
    });
    afterAll(() => server.close());

    let deliveries = 0;
    const send = (
      payload: unknown,
      options: { secret?: string; timestamp?: number; deliveryId?: string | null; body?: string; sourceId?: string } = {},
    ) => {
      const body = options.body ?? JSON.stringify(payload);
      const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
      const headers: Record<string, string> = {
        "content-type": "application/json",
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(options.secret ?? source.secret, timestamp, body),
      };
      if (options.deliveryId !== null) headers[DELIVERY_HEADER] = options.deliveryId ?? `delivery-${++deliveries}`;
      return server.request("POST", `/api/v1/ingest/webhooks/${options.sourceId ?? source.id}`, { body, headers });
    };
    const receipt = async (id: string) => {
      const response = await server.request("GET", `/api/v1/ingest/receipts/${id}`, { token: harbor.key });
      expect(response.status).toBe(200);
      return ReceiptDetail.parse(response.body);
    };
    const drain = () => server.crossdock.ingest.drain();

    it("shows the signing secret once, never again", async () => {
      const read = await server.request("GET", `/api/v1/ingest/sources/${source.name}`, { token: harbor.key });
      expect(read.status).toBe(200);
      expect(Source.strict().parse(read.body).webhook_path).toBe(`/api/v1/ingest/webhooks/${source.id}`);
      expect(JSON.stringify(read.body)).not.toContain(source.secret);
    });

    it("stores a signed delivery, answers 202, writes its records, and traces them back to it", async () => {
      const accepted = await send(example, { deliveryId: "order-1" });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
      expect(accepted.body.duplicate).toBe(false);
      const again = await send(example, { deliveryId: "order-1" });
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ receipt_id: accepted.body.receipt_id, duplicate: true });

      await drain();
      const stored = await receipt(accepted.body.receipt_id);
      expect(stored.status).toBe("processed");
      const order = stored.produced.find((record) => record.type === "sales_order");
      expect(order, JSON.stringify(stored)).toBeDefined();
      const written = await server.request("GET", `/api/v1/records/sales-orders/${order?.id}`, { token: harbor.key });
      expect(written.status).toBe(200);
      expect(written.body.source_system).toBe("web-shop");
      expect(written.body.lines.length).toBeGreaterThan(0);

      const traced = await server.request("GET", `/api/v1/ingest/receipts?record=${order?.id}`, { token: harbor.key });
      expect(traced.body.data.map((r: { id: string }) => r.id)).toEqual([accepted.body.receipt_id]);
      // Counted where it was processed, and shown where metrics are scraped.
      const metrics = await server.request("GET", "/metrics");
      expect(metrics.body).toMatch(/crossdock_ingest_receipts_total\{outcome="processed"\} 1\n/);
    });

    it("refuses bad signatures, replays, missing delivery ids and unknown sources, storing nothing", async () => {
      const before = (await server.request("GET", "/api/v1/ingest/receipts?limit=200", { token: harbor.key })).body.data.length;
      const forged = await send(example, { secret: "not the secret" });
      expect(forged.status).toBe(401);
      expect(forged.body.error.message).toMatch(/signature does not match/);
      const stale = await send(example, { timestamp: Math.floor(Date.now() / 1000) - 301 });
      expect(stale.status).toBe(401);
      expect(stale.body.error.message).toMatch(/possible replay/);
      const anonymous = await send(example, { deliveryId: null });
      expect(anonymous.status).toBe(400);
      expect(anonymous.body.error.message).toMatch(/x-crossdock-delivery/);
      const nowhere = await send(example, { sourceId: "src_01aaaaaaaaaaaaaaaaaaaaaaaa" });
      expect(nowhere.status).toBe(404);
      const oversized = await send(null, { body: JSON.stringify({ pad: "x".repeat(1024 * 1024) }) });
      expect(oversized.status).toBe(413);
      const after = (await server.request("GET", "/api/v1/ingest/receipts?limit=200", { token: harbor.key })).body.data.length;
      expect(after).toBe(before);
    });

    it("quarantines a payload that is not JSON, with the reason, and processes it once corrected", async () => {
      const broken = await send(null, { body: '{"id": 17, "line_items": [' });
      expect(broken.status).toBe(202);
      await drain();
      const held = await receipt(broken.body.receipt_id);
      expect(held.status).toBe("quarantined");
      expect(held.reason?.stage).toBe("parse");
      expect(held.reason?.message).toMatch(/not valid JSON/);

      const listed = await server.request("GET", "/api/v1/ingest/receipts?status=quarantined", { token: harbor.key });
      expect(listed.body.data.map((r: { id: string }) => r.id)).toContain(broken.body.receipt_id);

      const replayed = await server.request("POST", `/api/v1/ingest/receipts/${broken.body.receipt_id}/replay`, {
        token: harbor.key,
        json: { body: JSON.stringify({ ...example, id: 9_000_017, name: "#9017" }) },
      });
      expect(replayed.status, JSON.stringify(replayed.body)).toBe(200);
      await drain();
      const fixed = await receipt(broken.body.receipt_id);
      expect(fixed.status).toBe("processed");
      expect(fixed.corrected).toBe(true);
      expect(fixed.body).toBe('{"id": 17, "line_items": [');
      expect(fixed.produced.some((record) => record.type === "sales_order")).toBe(true);

      const twice = await server.request("POST", `/api/v1/ingest/receipts/${broken.body.receipt_id}/replay`, {
        token: harbor.key,
        json: {},
      });
      expect(twice.status).toBe(409);
    });

    it("quarantines a payload the mapping cannot place, naming where, and keeps receiving", async () => {
      const odd = await send({ something: "else" });
      expect(odd.status).toBe(202);
      await drain();
      const held = await receipt(odd.body.receipt_id);
      expect(held.status).toBe("quarantined");
      expect(["map", "validate"]).toContain(held.reason?.stage);
      expect(held.reason?.problems.length).toBeGreaterThan(0);
    });

    it("processes what was stored while no processor ran, once, when one starts", async () => {
      await server.crossdock.ingest.stop();
      const stored = await send({ ...example, id: 9_000_042, name: "#9042" });
      expect(stored.status).toBe(202);
      expect((await receipt(stored.body.receipt_id)).status).toBe("received");
      server.crossdock.ingest.start();
      await drain();
      const done = await receipt(stored.body.receipt_id);
      expect(done.status).toBe("processed");
      expect(done.attempts).toBe(1);
    });

    it("takes a new secret at once: the old one is refused, the new one accepted", async () => {
      const warm = await send(example);
      expect(warm.status).toBe(202);
      const rotated = await server.request("POST", `/api/v1/ingest/sources/${source.id}/secret`, { token: harbor.key });
      expect(rotated.status).toBe(200);
      const old = source.secret;
      source = SourceWithSecret.parse(rotated.body);
      expect(source.secret).not.toBe(old);
      expect((await send(example, { secret: old })).status).toBe(401);
      expect((await send(example)).status).toBe(202);
    });

    it("holds a paused source's receipts until it is resumed", async () => {
      const paused = await server.request("PATCH", `/api/v1/ingest/sources/${source.id}`, {
        token: harbor.key,
        json: { status: "paused" },
      });
      expect(paused.status).toBe(200);
      const held = await send({ ...example, id: 9_000_077, name: "#9077" });
      expect(held.status).toBe(202);
      await drain();
      expect((await receipt(held.body.receipt_id)).status).toBe("received");
      await server.request("PATCH", `/api/v1/ingest/sources/${source.id}`, { token: harbor.key, json: { status: "active" } });
      await drain();
      expect((await receipt(held.body.receipt_id)).status).toBe("processed");
    });

    it("adds each carrier tracking event to its shipment, keeping the ones before it", async () => {
      const created = await server.request("POST", "/api/v1/ingest/sources", {
        token: harbor.key,
        json: { name: "ups", system: "carrier", mapping: { ready: "carrier-tracking-event" } },
      });
      expect(created.status).toBe(201);
      const carrier = SourceWithSecret.parse(created.body);
      const mappings = await server.request("GET", "/api/v1/ingest/mappings", { token: harbor.key });
      const event = (mappings.body.data as { name: string; example: Record<string, unknown> }[]).find(
        (mapping) => mapping.name === "carrier-tracking-event",
      )?.example as Record<string, unknown>;
      const later = {
        ...event,
        event_id: "trk-2",
        status_code: "OD",
        status_description: "Out for delivery",
        event_time: 1_715_860_000,
        estimated_delivery: null,
      };
      for (const payload of [event, later, event]) {
        expect((await send(payload, { secret: carrier.secret, sourceId: carrier.id })).status).toBe(202);
      }
      await drain();
      const shipments = await server.request("GET", `/api/v1/records/shipments?q=${String(event.tracking_number)}`, {
        token: harbor.key,
      });
      expect(shipments.status).toBe(200);
      const [listed] = shipments.body.data as { id: string }[];
      const shipment = await server.request("GET", `/api/v1/records/shipments/${listed?.id}`, { token: harbor.key });
      expect(shipment.body.tracking_events.map((e: { code: string }) => e.code)).toEqual(["IT", "OD"]);
      expect(shipment.body.status).toBe("out_for_delivery");
      // The later event said nothing of the estimated delivery: the first one's stays.
      expect(shipment.body.estimated_delivery_at).toBe("2024-05-18T00:00:00.000Z");
    });

    it("keeps each tenant's sources and receipts to itself", async () => {
      const sources = await server.request("GET", "/api/v1/ingest/sources", { token: bayside.key });
      expect(sources.body.data).toEqual([]);
      const receipts = await server.request("GET", "/api/v1/ingest/receipts", { token: bayside.key });
      expect(receipts.body.data).toEqual([]);
      const theirs = await server.request("GET", `/api/v1/ingest/sources/${source.id}`, { token: bayside.key });
      expect(theirs.status).toBe(404);
    });

    it("stores a delivery sent several times at once as one receipt, among others arriving with it", async () => {
      const same = JSON.stringify({ ...example, id: 9_000_700, name: "#9700" });
      const answers = await Promise.all([
        ...Array.from({ length: 5 }, () => send(undefined, { body: same, deliveryId: "burst-same" })),
        ...Array.from({ length: 20 }, (_, i) => send({ ...example, id: 9_000_710 + i, name: `#97${10 + i}` })),
      ]);
      const repeated = answers.slice(0, 5);
      expect(repeated.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 202]);
      expect(new Set(repeated.map((answer) => answer.body.receipt_id)).size).toBe(1);
      const others = answers.slice(5);
      expect(others.every((answer) => answer.status === 202)).toBe(true);
      expect(new Set(others.map((answer) => answer.body.receipt_id)).size).toBe(20);
      await drain();
      for (const answer of answers) expect((await receipt(answer.body.receipt_id)).status).toBe("processed");
    });

    it("keeps each payload byte for byte: backslashes, any script, invalid UTF-8, NUL", async () => {
      const bodies = [
        Buffer.from(String.raw`{"note":"C:\drop\x41 \\ é 🚚","x":"\x00"}`, "utf8"),
        Buffer.from("\x7b7d", "utf8"),
        Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
        Buffer.from([0x7b, 0x00, 0x7d]),
      ];
      for (const [i, body] of bodies.entries()) {
        const timestamp = Math.floor(Date.now() / 1000);
        const response = await server.crossdock.http.app.request(`/api/v1/ingest/webhooks/${source.id}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            [TIMESTAMP_HEADER]: String(timestamp),
            [SIGNATURE_HEADER]: signWebhook(source.secret, timestamp, body),
            [DELIVERY_HEADER]: `bytes-${i}`,
          },
          body: new Uint8Array(body),
        });
        expect(response.status).toBe(202);
        const { receipt_id: id } = (await response.json()) as { receipt_id: string };
        const kept = await receipt(id);
        expect(Buffer.from(kept.body, kept.body_encoding === "base64" ? "base64" : "utf8").equals(body), `body ${i}`).toBe(true);
      }
    });

    it("tries a payload against a ready mapping or a source's own, writing nothing", async () => {
      const countOrders = async () => {
        const summary = await server.request("GET", "/api/v1/records", { token: harbor.key });
        return (summary.body.data as { type: string; count: number }[]).find((row) => row.type === "sales_order")?.count;
      };
      const before = await countOrders();
      const tried = await server.request("POST", "/api/v1/ingest/mappings/trial", {
        token: harbor.key,
        json: { mapping: { ready: "shopify-order" }, payload: { ...example, id: 9_000_500, name: "#9500" } },
      });
      expect(tried.status, JSON.stringify(tried.body)).toBe(200);
      const order = (tried.body.records as { type: string; row: Record<string, unknown> }[]).find(
        (r) => r.type === "sales_order",
      );
      expect(order?.row).toMatchObject({ source_system: "trial" });
      expect(tried.body.problems).toEqual([]);

      const odd = await server.request("POST", "/api/v1/ingest/mappings/trial", {
        token: harbor.key,
        json: { source: "web-shop", payload: { something: "else" } },
      });
      expect(odd.status).toBe(200);
      expect(odd.body.records).toEqual([]);
      expect(odd.body.problems.length).toBeGreaterThan(0);
      expect(await countOrders()).toBe(before);

      const broken = await server.request("POST", "/api/v1/ingest/mappings/trial", {
        token: harbor.key,
        json: { mapping: { version: 1, records: "nope" }, payload: {} },
      });
      expect(broken.status).toBe(422);
      expect(broken.body.error.details[0].path).toMatch(/^mapping/);
      const neither = await server.request("POST", "/api/v1/ingest/mappings/trial", { token: harbor.key, json: { payload: {} } });
      expect(neither.status).toBe(422);
      const spec = await server.request("GET", "/api/v1/ingest/mappings", { token: harbor.key });
      expect((spec.body.data as { name: string; spec: unknown }[]).find((m) => m.name === "shopify-order")?.spec).toMatchObject({
        version: 1,
        records: expect.any(Array),
      });
    });

    it("replays a source's quarantined receipts in bulk once its mapping is fixed", async () => {
      const created = await server.request("POST", "/api/v1/ingest/sources", {
        token: harbor.key,
        json: { name: "misfit-shop", system: "ecommerce", mapping: { ready: "generic-erp-sales-order" } },
      });
      expect(created.status).toBe(201);
      const misfit = SourceWithSecret.parse(created.body);
      const sent = [];
      for (const n of [1, 2, 3]) {
        const answer = await send(
          { ...example, id: 9_000_600 + n, name: `#96${n}` },
          { sourceId: misfit.id, secret: misfit.secret },
        );
        expect(answer.status).toBe(202);
        sent.push(answer.body.receipt_id as string);
      }
      await drain();
      for (const id of sent) expect((await receipt(id)).status).toBe("quarantined");
      const wrongStage = await server.request("POST", "/api/v1/ingest/receipts/replay", {
        token: harbor.key,
        json: { source: "misfit-shop", stage: "parse" },
      });
      expect(wrongStage.body).toEqual({ replayed: 0, more: false });

      const fixed = await server.request("PATCH", "/api/v1/ingest/sources/misfit-shop", {
        token: harbor.key,
        json: { mapping: { ready: "shopify-order" } },
      });
      expect(fixed.status).toBe(200);
      const replayed = await server.request("POST", "/api/v1/ingest/receipts/replay", {
        token: harbor.key,
        json: { source: "misfit-shop" },
      });
      expect(replayed.status, JSON.stringify(replayed.body)).toBe(200);
      expect(replayed.body).toEqual({ replayed: 3, more: false });
      await drain();
      for (const id of sent) expect((await receipt(id)).status).toBe("processed");
      const theirs = await server.request("POST", "/api/v1/ingest/receipts/replay", {
        token: bayside.key,
        json: { source: "misfit-shop" },
      });
      expect(theirs.status).toBe(404);
    });

    it("refuses a source whose mapping does not exist, naming the field", async () => {
      const refused = await server.request("POST", "/api/v1/ingest/sources", {
        token: harbor.key,
        json: { name: "nowhere", system: "erp", mapping: { ready: "no-such-mapping" } },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error.details[0].path).toBe("mapping.ready");
    });
  },
);
