import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Me } from "../modules/tenancy/index.ts";
import { createPartnerFixture, type PartnerFixture } from "./testing/partner-fixture.ts";
import { createTestServer, type TestServer } from "./testing/test-server.ts";

describe("the caller, and partner admins acting in their partner's tenants", () => {
  let server: TestServer;
  let f: PartnerFixture;
  beforeAll(async () => {
    server = await createTestServer();
    f = await createPartnerFixture(server);
  });
  afterAll(() => server.close());

  it("tells a signed-in user who they are, where they act, their partner and when the session ends", async () => {
    const me = await server.request("GET", "/api/v1/me", { headers: f.partnerAdmin.headers });
    expect(me.status).toBe(200);
    const body = Me.parse(me.body);
    const harbor = { id: f.tenants.harbor.id, name: "Harbor Industrial Supply", slug: "harbor" };
    expect(body).toMatchObject({
      kind: "session",
      actor: { type: "user", id: f.partnerAdmin.user.id, label: "pat@north.example" },
      tenant_id: f.tenants.harbor.id,
      tenant: harbor,
      acting_tenant: harbor,
      partner: { id: f.north.id, name: "NorthERP", slug: "north" },
      user: { id: f.partnerAdmin.user.id, email: "pat@north.example", name: "Pat Partner", roles: ["partner_admin"] },
    });
    expect(new Date(body.session_expires_at as string).getTime()).toBeGreaterThan(Date.now() + 11 * 3_600_000);
    expect(body.scopes).toEqual(expect.arrayContaining(["partner:admin", "users:admin"]));

    const key = Me.parse((await server.request("GET", "/api/v1/me", { token: f.tenants.acme.key })).body);
    expect(key).toMatchObject({ kind: "api_key", partner: null, user: null, session_expires_at: null });
    expect(key.acting_tenant?.slug).toBe("acme");

    const operator = Me.parse((await server.request("GET", "/api/v1/me", { token: server.operatorToken })).body);
    expect(operator).toMatchObject({ kind: "operator", tenant: null, acting_tenant: null, partner: null, user: null });
    const operatorInBayside = await server.request("GET", "/api/v1/me", { token: server.operatorToken, tenant: "bayside" });
    expect(operatorInBayside.body.acting_tenant.slug).toBe("bayside");
  });

  it("lists the partner's tenants to its partner admin", async () => {
    const listed = await server.request("GET", "/api/v1/partner/tenants", { headers: f.partnerAdmin.headers });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((tenant: { slug: string }) => tenant.slug)).toEqual(["harbor", "bayside"]);
    const byOperator = await server.request("GET", "/api/v1/partner/tenants", {
      token: server.operatorToken,
      tenant: "southern",
    });
    expect(byOperator.body.data.map((tenant: { slug: string }) => tenant.slug)).toEqual(["southern"]);
    const noPartner = await server.request("GET", "/api/v1/partner/tenants", { token: server.operatorToken, tenant: "acme" });
    expect(noPartner.status).toBe(404);
    expect((await server.request("GET", "/api/v1/partner/tenants", { token: f.tenants.harbor.key })).status).toBe(403);
  });

  it("lets a partner admin act in another tenant of its partner, audited there as themself", async () => {
    const headers = { ...f.partnerAdmin.headers, "x-crossdock-tenant": "bayside" };
    const me = await server.request("GET", "/api/v1/me", { headers });
    expect(me.body).toMatchObject({ tenant: { slug: "harbor" }, acting_tenant: { slug: "bayside" } });
    const byId = await server.request("GET", "/api/v1/me", {
      headers: { ...f.partnerAdmin.headers, "x-crossdock-tenant": f.tenants.bayside.id },
    });
    expect(byId.body.acting_tenant.slug).toBe("bayside");

    const created = await server.request("POST", "/api/v1/users", {
      headers,
      json: { email: "ops@bayside.example", name: "Bay Ops", password: "a long enough password", roles: ["operations_manager"] },
    });
    expect(created.status).toBe(201);
    expect(created.body.tenant_id).toBe(f.tenants.bayside.id);
    const users = await server.request("GET", "/api/v1/users", { token: f.tenants.bayside.key });
    expect(users.body.data.map((user: { email: string }) => user.email)).toContain("ops@bayside.example");
    const harborUsers = await server.request("GET", "/api/v1/users", { token: f.tenants.harbor.key });
    expect(harborUsers.body.data.map((user: { email: string }) => user.email)).not.toContain("ops@bayside.example");

    const audit = await server.request("GET", "/api/v1/audit?action=user.created", { token: f.tenants.bayside.key });
    expect(audit.body.data[0]).toMatchObject({
      actor: { type: "user", id: f.partnerAdmin.user.id, label: "pat@north.example" },
      resource_id: created.body.id,
    });
  });

  it("refuses any other cross-tenant request", async () => {
    for (const tenant of ["southern", "acme", "no-such-tenant"]) {
      const response = await server.request("GET", "/api/v1/users", {
        headers: { ...f.partnerAdmin.headers, "x-crossdock-tenant": tenant },
      });
      expect(response.status, tenant).toBe(403);
    }
    // A tenant admin of harbor holds no partner:admin, so bayside is out of reach.
    const tenantAdmin = await server.request("GET", "/api/v1/users", { token: f.tenants.harbor.key, tenant: "bayside" });
    expect(tenantAdmin.status).toBe(403);
    expect((await server.request("GET", "/api/v1/users", { token: f.tenants.harbor.key, tenant: "harbor" })).status).toBe(200);
  });

  it("answers an expired session with session_expired, and a signed-out one with unauthenticated", async () => {
    const expiring = await server.signIn("harbor", "pat@north.example", "partner admin password");
    await server.crossdock.db.orm.execute(
      sql`update tenancy.sessions set expires_at = now() - interval '1 minute' where id = encode(sha256(convert_to(${expiring.cookie.split("=")[1]}, 'UTF8')), 'hex')`,
    );
    const expired = await server.request("GET", "/api/v1/me", { headers: expiring.headers });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe("session_expired");

    const leaving = await server.signIn("harbor", "pat@north.example", "partner admin password");
    expect((await server.request("DELETE", "/api/v1/auth/sessions/current", { headers: leaving.headers })).status).toBe(204);
    const signedOut = await server.request("GET", "/api/v1/me", { headers: leaving.headers });
    expect(signedOut.status).toBe(401);
    expect(signedOut.body.error.code).toBe("unauthenticated");
    const unknown = await server.request("GET", "/api/v1/me", { headers: { cookie: `crossdock_session=${"0".repeat(64)}` } });
    expect(unknown.body.error.code).toBe("unauthenticated");
  });
});
