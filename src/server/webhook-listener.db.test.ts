import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELIVERY_HEADER, SIGNATURE_HEADER, SourceWithSecret, signWebhook, TIMESTAMP_HEADER } from "../modules/ingest/index.ts";
import { createHttpMetrics } from "./metrics.ts";
import { createTestServer, type TestResponse, type TestServer } from "./testing/test-server.ts";
import { withWebhookFastPath } from "./webhook-listener.ts";

async function listen(listener: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Webhooks over a real socket, through the listener `crossdock start` serves: answered ahead of Hono. */
describe("webhooks through Node's listener", () => {
  let test: TestServer;
  let http: { server: Server; url: string };
  let source: SourceWithSecret;
  let example: Record<string, unknown>;
  let harborKey: string;
  let deliveries = 0;

  beforeAll(async () => {
    test = await createTestServer({ CROSSDOCK_SECRET_KEY: Buffer.alloc(32, 4).toString("base64") });
    const harbor = await test.createTenantWithKey("harbor");
    harborKey = harbor.key;
    const mappings = await test.request("GET", "/api/v1/ingest/mappings", { token: harbor.key });
    example = (mappings.body.data as { name: string; example: Record<string, unknown> }[]).find(
      (mapping) => mapping.name === "shopify-order",
    )?.example as Record<string, unknown>;
    const created = await test.request("POST", "/api/v1/ingest/sources", {
      token: harbor.key,
      json: { name: "web-shop", system: "ecommerce", mapping: { ready: "shopify-order" } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    source = SourceWithSecret.parse(created.body);
    http = await listen(test.crossdock.http.listener);
  });
  afterAll(async () => {
    http?.server.close();
    await test?.close();
  });

  const signed = (body: string, deliveryId = `listener-${++deliveries}`, secret = source.secret) => {
    const timestamp = Math.floor(Date.now() / 1000);
    return {
      "content-type": "application/json",
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
      [DELIVERY_HEADER]: deliveryId,
    };
  };
  const post = async (path: string, body: string | Readable, headers: Record<string, string>) => {
    const response = await fetch(`${http.url}${path}`, {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : (Readable.toWeb(body) as ReadableStream),
      ...(typeof body === "string" ? {} : { duplex: "half" }),
    } as RequestInit);
    const answer = (await response.json()) as TestResponse["body"];
    return { status: response.status, headers: response.headers, body: answer };
  };
  const webhookPath = () => `/api/v1/ingest/webhooks/${source.id}`;

  it("stores a signed webhook once, echoing the caller's request id, and counts it under the route", async () => {
    const body = JSON.stringify({ ...example, id: 7_100_001, name: "#L1" });
    const headers = { ...signed(body, "listener-once"), "x-request-id": "req-from-the-sender-1" };
    const first = await post(webhookPath(), body, headers);
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ receipt_id: expect.stringMatching(/^rcv_/), duplicate: false });
    expect(first.headers.get("x-request-id")).toBe("req-from-the-sender-1");
    const again = await post(webhookPath(), body, headers);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ receipt_id: first.body.receipt_id, duplicate: true });

    const receipt = await test.request("GET", `/api/v1/ingest/receipts/${first.body.receipt_id}`, { token: harborKey });
    expect(receipt.status).toBe(200);
    expect(receipt.body.body).toBe(body);
    const metrics = await (await fetch(`${http.url}/metrics`)).text();
    expect(metrics).toMatch(
      /crossdock_http_requests_total\{method="POST",route="\/api\/v1\/ingest\/webhooks\/:id",status="202"\} 1/,
    );
    expect(metrics).toMatch(
      /crossdock_http_requests_total\{method="POST",route="\/api\/v1\/ingest\/webhooks\/:id",status="200"\} 1/,
    );
  });

  it("takes a query string on the URL", async () => {
    const body = JSON.stringify({ ...example, id: 7_100_002, name: "#L2" });
    expect((await post(`${webhookPath()}?topic=orders/create`, body, signed(body))).status).toBe(202);
  });

  it("refuses a bad signature, an unknown source and a missing delivery id with the reason and a request id", async () => {
    const body = JSON.stringify({ ...example, id: 7_100_003 });
    const forged = await post(webhookPath(), body, signed(body, undefined, "not-the-secret"));
    expect(forged.status).toBe(401);
    expect(forged.body.error).toMatchObject({ code: "unauthenticated", request_id: forged.headers.get("x-request-id") });
    expect(forged.headers.get("x-request-id")).toMatch(/^req_/);

    const unknown = await post("/api/v1/ingest/webhooks/src_00000000000000000000000000", body, signed(body));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");
    const garbled = await post("/api/v1/ingest/webhooks/src_%E0%A4%A", body, signed(body));
    expect(garbled.status).toBe(404);

    const { [DELIVERY_HEADER]: _, ...unnamed } = signed(body);
    const nameless = await post(webhookPath(), body, unnamed);
    expect(nameless.status).toBe(400);
    expect(nameless.body.error.message).toContain(DELIVERY_HEADER);
  });

  it("refuses a payload over 1 MB, whether its length is declared or it is streamed", async () => {
    const big = JSON.stringify({ ...example, note: "x".repeat(1024 * 1024) });
    const declared = await post(webhookPath(), big, signed(big));
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe("payload_too_large");

    const streamed = await post(
      webhookPath(),
      Readable.from([Buffer.from(big.slice(0, 600_000)), Buffer.from(big.slice(600_000))]),
      signed(big),
    );
    expect(streamed.status).toBe(413);
    expect(streamed.body.error.code).toBe("payload_too_large");

    // The same socket's next request is still answered.
    const small = JSON.stringify({ ...example, id: 7_100_004, name: "#L4" });
    expect((await post(webhookPath(), small, signed(small))).status).toBe(202);
  });

  it("leaves every other request to the API: another method on the path, and the other routes", async () => {
    const read = await fetch(`${http.url}${webhookPath()}`);
    expect(read.status).toBe(404);
    expect(((await read.json()) as { error: { message: string } }).error.message).toContain("No route for GET");
    expect((await fetch(`${http.url}/healthz`)).status).toBe(200);
  });

  it("answers 500 with the request id when storing fails, and says why in the log", async () => {
    const logged: string[] = [];
    const logger = pino({ level: "error" }, { write: (line: string) => void logged.push(line) });
    const failing = await listen(
      withWebhookFastPath(
        {
          ingest: { receiveWebhook: () => Promise.reject(new Error("the database is gone")) },
          metrics: createHttpMetrics(),
          logger,
        },
        (_request, response) => response.writeHead(418).end(),
      ),
    );
    try {
      const response = await fetch(`${failing.url}${webhookPath()}`, { method: "POST", body: "{}" });
      expect(response.status).toBe(500);
      const body = (await response.json()) as { error: { code: string; message: string; request_id: string } };
      expect(body.error.code).toBe("internal");
      expect(body.error.message).toContain(body.error.request_id);
      expect(logged.join("")).toContain("the database is gone");
    } finally {
      failing.server.close();
    }
  });
});
