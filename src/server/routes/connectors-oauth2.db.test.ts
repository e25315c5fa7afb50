import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTargetServer, type TargetServer } from "../../platform/testing/http-target-server.ts";
import { startTokenServer, type TokenServer } from "../../platform/testing/oauth2-token-server.ts";
import { createTestServer, type TestServer } from "../testing/test-server.ts";

const CLIENT_ID = "crossdock-harbor";
const CLIENT_SECRET = "cs_live_0123456789_oauth_QRST";

describe("OAuth2 connectors through the API", () => {
  let server: TestServer;
  let idp: TokenServer;
  let erp: TargetServer;
  let key: string;

  beforeAll(async () => {
    idp = await startTokenServer({ [CLIENT_ID]: CLIENT_SECRET });
    erp = await startTargetServer({
      honourIdempotency: true,
      handle: (request, count) =>
        idp.accepts(request.headers.authorization) ? { status: 201, body: { data: { id: `SO-${count}` } } } : { status: 401 },
    });
    server = await createTestServer({ CROSSDOCK_SECRET_KEY: Buffer.alloc(32, 5).toString("base64") });
    ({ key } = await server.createTenantWithKey("harbor"));
  });
  afterAll(async () => {
    await server?.close();
    await idp?.close();
    await erp?.close();
  });

  it("shows the client secret only masked, keeps it when the mask comes back, and refuses a token_url that is not http(s)", async () => {
    const input = {
      name: "erp",
      kind: "rest",
      config: {
        base_url: erp.url,
        auth: { type: "oauth2_client_credentials", token_url: idp.tokenUrl, client_id: CLIENT_ID, client_secret: CLIENT_SECRET },
        endpoints: { "sales_order.create": { method: "POST", path: "/orders", external_id_path: "data.id" } },
      },
    };
    const created = await server.request("POST", "/api/v1/connectors", { token: key, json: input });
    expect(created.status).toBe(201);
    expect(created.body.config.auth).toEqual({
      type: "oauth2_client_credentials",
      token_url: idp.tokenUrl,
      client_id: CLIENT_ID,
      client_secret: "••••QRST",
      auth_method: "client_secret_basic",
    });
    const listed = await server.request("GET", "/api/v1/connectors", { token: key });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(CLIENT_SECRET);

    const withAuth = (auth: Record<string, unknown>) => ({ ...input, config: { ...input.config, auth } });
    const refused = await server.request("PUT", "/api/v1/connectors/erp", {
      token: key,
      json: withAuth({ ...created.body.config.auth, token_url: "ftp://idp.example/token" }),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(["config.auth.token_url"]);
    const kept = await server.request("PUT", "/api/v1/connectors/erp", {
      token: key,
      json: withAuth({ ...created.body.config.auth, scope: "orders.write" }),
    });
    expect(kept.status).toBe(200);
    expect(kept.body.config.auth).toMatchObject({ client_secret: "••••QRST", scope: "orders.write" });

    // The kept secret still gets a token: the write goes through, and nothing it answers holds the secret.
    const written = await server.request("POST", "/api/v1/actions", {
      token: key,
      json: {
        kind: "sales_order.create",
        idempotency_key: "api-oauth-1",
        connector: "erp",
        payload: { order_number: "PO-1" },
        facts: { amount_minor: 1_000, currency: "USD", confidence: 0.98 },
        cause: { type: "document", id: "doc_1" },
      },
    });
    expect(written.status).toBe(200);
    expect(written.body).toMatchObject({ status: "succeeded", result: { external_id: expect.stringMatching(/^SO-/) } });
    expect(idp.received).toHaveLength(1);
    expect(Object.fromEntries(new URLSearchParams(idp.received[0]?.body))).toEqual({
      grant_type: "client_credentials",
      scope: "orders.write",
    });
    expect(erp.received[0]?.headers.authorization).toBe("Bearer at-1");
    expect(JSON.stringify(written.body)).not.toContain(CLIENT_SECRET);
  });
});
