import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer } from "./testing/test-server.ts";

describe("tenancy through the API", () => {
  let server: TestServer;
  let key: string;
  let keyId: string;
  beforeAll(async () => {
    server = await createTestServer({ CROSSDOCK_BODY_LIMIT_MB: "1" });
    ({ key, keyId } = await server.createTenantWithKey("acme"));
  });
  afterAll(() => server.close());

  it("answers health, readiness and metrics", async () => {
    expect((await server.request("GET", "/healthz")).body).toEqual({ status: "ok" });
    await server.request("GET", "/api/v1/me", { token: key });
    const metrics = await server.request("GET", "/metrics");
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatch(/crossdock_http_requests_total\{method="GET",route="\/api\/v1\/me",status="200"\} \d+/);
    expect(metrics.body).toMatch(/crossdock_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/healthz"\}/);
  });

  it("tells a key who it is", async () => {
    const me = await server.request("GET", "/api/v1/me", { token: key });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: "api_key", actor: { type: "api_key", id: keyId } });
    expect(me.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("creates a user whose password signs in to a session, and signs out", async () => {
    const created = await server.request("POST", "/api/v1/users", {
      token: key,
      json: { email: "csr@acme.test", name: "Casey", password: "correct horse battery", roles: ["csr"] },
    });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty("password_hash");
    const wrong = await server.request("POST", "/api/v1/auth/sessions", {
      json: { tenant: "acme", email: "csr@acme.test", password: "nope" },
    });
    expect(wrong.status).toBe(401);
    const signIn = await server.request("POST", "/api/v1/auth/sessions", {
      json: { tenant: "acme", email: "CSR@acme.test", password: "correct horse battery" },
    });
    expect(signIn.status).toBe(201);
    const cookie = signIn.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/crossdock_session=[0-9a-f]{64}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax/);
    const session = cookie.split(";")[0] as string;
    const me = await server.request("GET", "/api/v1/me", { headers: { cookie: session } });
    expect(me.body).toMatchObject({
      kind: "session",
      actor: { type: "user", label: "csr@acme.test" },
      scopes: expect.arrayContaining(["records:read"]),
    });
    // a CSR holds no user-admin scope
    expect((await server.request("GET", "/api/v1/users", { headers: { cookie: session } })).status).toBe(403);
    const crossSite = await server.request("DELETE", "/api/v1/auth/sessions/current", {
      headers: { cookie: session, origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
    const noOrigin = await server.request("DELETE", "/api/v1/auth/sessions/current", { headers: { cookie: session } });
    expect(noOrigin.status).toBe(403);
    expect((await server.request("GET", "/api/v1/me", { headers: { cookie: session } })).status).toBe(200);
    const sameOrigin = await server.request("DELETE", "/api/v1/auth/sessions/current", {
      headers: { cookie: session, origin: "http://localhost" },
    });
    expect(sameOrigin.status).toBe(204);
    expect((await server.request("GET", "/api/v1/me", { headers: { cookie: session } })).status).toBe(401);
  });

  it("shows a key's secret once, stores no secret, and refuses it after revocation", async () => {
    const created = await server.request("POST", "/api/v1/api-keys", {
      token: key,
      json: { name: "erp", scopes: ["records:read"] },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^cdk_key_[0-9a-z]{26}_[0-9a-f]{64}$/);
    const listed = await server.request("GET", "/api/v1/api-keys", { token: key });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret.slice(-64));
    expect((await server.request("GET", "/api/v1/tenant", { token: created.body.secret })).status).toBe(403);
    const revoked = await server.request("DELETE", `/api/v1/api-keys/${created.body.id}`, { token: key });
    expect(revoked.body.revoked_at).not.toBeNull();
    const after = await server.request("GET", "/api/v1/records/items", { token: created.body.secret });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("key_revoked");
  });

  it("refuses an expired key", async () => {
    const created = await server.request("POST", "/api/v1/api-keys", {
      token: key,
      json: { name: "short", scopes: ["records:read"], expires_at: new Date(Date.now() + 1500).toISOString() },
    });
    expect(created.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 6500)); // past expiry and the key cache
    const response = await server.request("GET", "/api/v1/records/items", { token: created.body.secret });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("key_expired");
  });

  it("refuses a key that grants more than its creator holds", async () => {
    const limited = await server.request("POST", "/api/v1/api-keys", {
      token: key,
      json: { name: "limited", scopes: ["api_keys:admin"] },
    });
    const escalation = await server.request("POST", "/api/v1/api-keys", {
      token: limited.body.secret,
      json: { name: "escalate", scopes: ["records:write"] },
    });
    expect(escalation.status).toBe(403);
    expect(escalation.body.error.message).toContain("records:write");
  });

  it("rejects bad input with a machine-readable error naming the field, and keeps serving", async () => {
    const malformed = await server.request("POST", "/api/v1/users", {
      token: key,
      body: '{"email": "x@y.z",',
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("invalid_json");

    const unknownField = await server.request("POST", "/api/v1/users", {
      token: key,
      json: { email: "a@b.co", name: "A", password: "long enough password", roles: ["csr"], shoe_size: 42 },
    });
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.error.code).toBe("validation_failed");
    expect(JSON.stringify(unknownField.body.error.details)).toContain("shoe_size");

    const wrongType = await server.request("POST", "/api/v1/users", {
      token: key,
      json: { email: "a@b.co", name: 5, password: "long enough password", roles: ["csr"] },
    });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.error.details[0].path).toBe("name");

    const missing = await server.request("POST", "/api/v1/users", {
      token: key,
      json: { email: "a@b.co", password: "long enough password", roles: ["csr"] },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details.map((d: { path: string }) => d.path)).toContain("name");

    const badRole = await server.request("POST", "/api/v1/users", {
      token: key,
      json: { email: "a@b.co", name: "A", password: "long enough password", roles: ["wizard"] },
    });
    expect(badRole.status).toBe(422);
    expect(badRole.body.error.details[0].path).toBe("roles");

    const tooLarge = await server.request("POST", "/api/v1/users", {
      token: key,
      body: JSON.stringify({ name: "x".repeat(1_200_000) }),
      headers: { "content-type": "application/json" },
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe("payload_too_large");

    const duplicateSlug = await server.request("POST", "/api/v1/tenants", {
      token: server.operatorToken,
      json: { name: "Again", slug: "acme" },
    });
    expect(duplicateSlug.status).toBe(409);
    expect(duplicateSlug.body.error.details[0].path).toBe("slug");

    const garbageKey = await server.request("GET", "/api/v1/me", { token: "cdk_nonsense" });
    expect(garbageKey.status).toBe(401);

    expect((await server.request("GET", "/api/v1/me", { token: key })).status).toBe(200);
  });

  it("audits every write, and the chain verifies", async () => {
    const audit = await server.request("GET", "/api/v1/audit?limit=100", { token: key });
    const actions = audit.body.data.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(["tenant.created", "api_key.created", "user.created", "user.signed_in", "api_key.revoked"]),
    );
    const verify = await server.request("POST", "/api/v1/audit/verify", { token: key });
    expect(verify.body).toMatchObject({ ok: true, entries: audit.body.data.length });
  });
});
