import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer } from "./testing/test-server.ts";

const PASSWORD = "correct horse battery staple";

/** The session behind a cookie header, in the database: its id is the token's sha256. */
const sessionWhere = (cookie: string) => sql`id = encode(sha256(convert_to(${cookie.split("=")[1]}, 'UTF8')), 'hex')`;

describe("the console's session cookie", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
    const { key } = await server.createTenantWithKey("acme");
    const created = await server.request("POST", "/api/v1/users", {
      token: key,
      json: { email: "ada@acme.test", name: "Ada", password: PASSWORD, roles: ["admin"] },
    });
    expect(created.status).toBe(201);
  });
  afterAll(() => server.close());

  it("does not stand in the way once its session has ended: public routes answer, and signing in works again", async () => {
    const stale = await server.signIn("acme", "ada@acme.test", PASSWORD);
    await server.crossdock.db.orm.execute(
      sql`update tenancy.sessions set revoked_at = now() where ${sessionWhere(stale.cookie)}`,
    );

    const me = await server.request("GET", "/api/v1/me", { headers: stale.headers });
    expect(me.status).toBe(401);
    // The server tells the browser to drop the dead cookie.
    expect(me.headers.get("set-cookie")).toMatch(/crossdock_session=; Max-Age=0/);

    expect((await server.request("GET", "/api/v1/branding?tenant=acme", { headers: stale.headers })).status).toBe(200);
    const again = await server.request("POST", "/api/v1/auth/sessions", {
      headers: stale.headers,
      json: { tenant: "acme", email: "ada@acme.test", password: PASSWORD },
    });
    expect(again.status).toBe(201);
    // The dead cookie is cleared, then the new one set: browsers apply Set-Cookie headers in order.
    expect(again.headers.getSetCookie().at(-1)).toMatch(/^crossdock_session=[0-9a-f]{64}/);
    // Signing out with a dead cookie clears it too.
    expect((await server.request("DELETE", "/api/v1/auth/sessions/current", { headers: stale.headers })).status).toBe(204);
  });

  it("keeps the session_expired code for routes that need a session", async () => {
    const expiring = await server.signIn("acme", "ada@acme.test", PASSWORD);
    await server.crossdock.db.orm.execute(
      sql`update tenancy.sessions set expires_at = now() - interval '1 minute' where ${sessionWhere(expiring.cookie)}`,
    );
    const records = await server.request("GET", "/api/v1/records/items", { headers: expiring.headers });
    expect(records.status).toBe(401);
    expect(records.body.error.code).toBe("session_expired");
  });

  it("slides with the session: a use after five idle minutes renews the cookie's life as well as the session's", async () => {
    const active = await server.signIn("acme", "ada@acme.test", PASSWORD);
    const fresh = await server.request("GET", "/api/v1/me", { headers: active.headers });
    expect(fresh.headers.get("set-cookie")).toBeNull();

    await server.crossdock.db.orm.execute(
      sql`update tenancy.sessions set last_seen_at = now() - interval '10 minutes', expires_at = now() + interval '1 hour' where ${sessionWhere(active.cookie)}`,
    );
    const later = await server.request("GET", "/api/v1/me", { headers: active.headers });
    expect(later.status).toBe(200);
    expect(later.headers.get("set-cookie")).toMatch(
      new RegExp(`^${active.cookie}; Max-Age=${12 * 3600}; Path=/; HttpOnly; SameSite=Lax`),
    );
    expect(new Date(later.body.session_expires_at).getTime()).toBeGreaterThan(Date.now() + 11 * 3_600_000);
  });
});

describe("the session cookie behind a proxy (CROSSDOCK_PUBLIC_URL)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ CROSSDOCK_PUBLIC_URL: "https://ops.example.com" });
    const { key } = await server.createTenantWithKey("acme");
    await server.request("POST", "/api/v1/users", {
      token: key,
      json: { email: "ada@acme.test", name: "Ada", password: PASSWORD, roles: ["admin"] },
    });
  });
  afterAll(() => server.close());

  it("is Secure, and accepts writes from the public URL's origin but not from others", async () => {
    const signIn = await server.request("POST", "/api/v1/auth/sessions", {
      json: { tenant: "acme", email: "ada@acme.test", password: PASSWORD },
    });
    expect(signIn.headers.get("set-cookie")).toContain("; Secure");
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const write = (origin: string) =>
      server.request("PUT", "/api/v1/tenant/branding", { headers: { cookie, origin }, json: { product_name: "Acme Ops" } });
    expect((await write("https://ops.example.com")).status).toBe(200);
    expect((await write("https://evil.example")).status).toBe(403);
  });
});
