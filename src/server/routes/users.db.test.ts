import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLE_NAMES, ROLES } from "../../modules/governance/index.ts";
import { RoleInfo, User } from "../../modules/tenancy/index.ts";
import { createPartnerFixture, type PartnerFixture } from "../testing/partner-fixture.ts";
import { createTestServer, type TestServer } from "../testing/test-server.ts";

const PASSWORD = "a long enough password";

describe("users and roles through the API", () => {
  let server: TestServer;
  let f: PartnerFixture;
  let key: string;
  let admin: Awaited<ReturnType<TestServer["signIn"]>>;
  beforeAll(async () => {
    server = await createTestServer();
    f = await createPartnerFixture(server);
    key = f.tenants.harbor.key;
    await server.request("POST", "/api/v1/users", {
      token: key,
      json: { email: "alex@harbor.example", name: "Alex Admin", password: PASSWORD, roles: ["admin"] },
    });
    admin = await server.signIn("harbor", "alex@harbor.example", PASSWORD);
  });
  afterAll(() => server.close());

  const createUser = async (email: string, roles: string[]) => {
    const response = await server.request("POST", "/api/v1/users", {
      token: key,
      json: { email, name: email.split("@")[0], password: PASSWORD, roles },
    });
    expect(response.status).toBe(201);
    return User.parse(response.body);
  };

  it("lists every built-in role with a label, a description and its scopes", async () => {
    const response = await server.request("GET", "/api/v1/roles", { token: key });
    expect(response.status).toBe(200);
    const roles = response.body.data.map((role: unknown) => RoleInfo.parse(role));
    expect(roles.map((role: RoleInfo) => role.name)).toEqual(ROLE_NAMES);
    for (const role of roles) {
      expect(role.label.length).toBeGreaterThan(2);
      expect(role.description.length).toBeGreaterThan(10);
      expect(role.scopes).toEqual([...ROLES[role.name as keyof typeof ROLES].scopes]);
    }
    expect(roles.find((role: RoleInfo) => role.name === "auditor")).toMatchObject({ label: "Auditor" });
  });

  it("refuses to grant a role whose scopes the granter does not all hold", async () => {
    const escalate = await server.request("POST", "/api/v1/users", {
      token: key,
      json: { email: "mallory@harbor.example", name: "Mallory", password: PASSWORD, roles: ["partner_admin"] },
    });
    expect(escalate.status).toBe(403);
    expect(escalate.body.error.message).toContain("partner:admin");

    const { secret: usersOnly } = (
      await server.request("POST", "/api/v1/api-keys", {
        token: key,
        json: { name: "hr", scopes: ["users:admin", "users:read"] },
      })
    ).body;
    const asAuditor = await server.request("POST", "/api/v1/users", {
      token: usersOnly,
      json: { email: "audrey@harbor.example", name: "Audrey", password: PASSWORD, roles: ["auditor"] },
    });
    expect(asAuditor.status).toBe(403);
    expect(asAuditor.body.error.message).toMatch(/records:read.*audit:read|audit:read.*records:read/);

    // The operator holds every scope, so it still can.
    const byOperator = await server.request("POST", "/api/v1/users", {
      token: server.operatorToken,
      tenant: "harbor",
      json: { email: "second-partner@harbor.example", name: "Sam", password: PASSWORD, roles: ["partner_admin"] },
    });
    expect(byOperator.status).toBe(201);
    const users = await server.request("GET", "/api/v1/users", { token: key });
    expect(users.body.data.map((user: { email: string }) => user.email)).not.toContain("mallory@harbor.example");
  });

  it("renames a user and changes their roles, audited with before and after", async () => {
    const user = await createUser("casey@harbor.example", ["csr"]);
    const patched = await server.request("PATCH", `/api/v1/users/${user.id}`, {
      headers: admin.headers,
      json: { name: "Casey Jones", roles: ["csr", "buyer"] },
    });
    expect(patched.status).toBe(200);
    expect(User.parse(patched.body)).toMatchObject({ name: "Casey Jones", roles: ["csr", "buyer"], status: "active" });
    const [entry] = (await server.request("GET", `/api/v1/audit?action=user.updated&resource_id=${user.id}`, { token: key })).body
      .data;
    expect(entry).toMatchObject({
      actor: { type: "user", label: "alex@harbor.example" },
      data: { before: { name: "casey", roles: ["csr"] }, after: { name: "Casey Jones", roles: ["csr", "buyer"] } },
    });
  });

  it("ends a user's sessions at once when they are disabled, and they stay ended when re-enabled", async () => {
    await createUser("dale@harbor.example", ["viewer"]);
    const dale = await server.signIn("harbor", "dale@harbor.example", PASSWORD);
    expect((await server.request("GET", "/api/v1/me", { headers: dale.headers })).status).toBe(200);
    const disabled = await server.request("PATCH", `/api/v1/users/${dale.user.id}`, { token: key, json: { status: "disabled" } });
    expect(disabled.body.status).toBe("disabled");
    expect((await server.request("GET", "/api/v1/me", { headers: dale.headers })).status).toBe(401);
    const signIn = await server.request("POST", "/api/v1/auth/sessions", {
      json: { tenant: "harbor", email: "dale@harbor.example", password: PASSWORD },
    });
    expect(signIn.status).toBe(401);
    await server.request("PATCH", `/api/v1/users/${dale.user.id}`, { token: key, json: { status: "active" } });
    expect((await server.request("GET", "/api/v1/me", { headers: dale.headers })).status).toBe(401);
    expect((await server.signIn("harbor", "dale@harbor.example", PASSWORD)).cookie).toMatch(/^crossdock_session=/);
    const [entry] = (await server.request("GET", `/api/v1/audit?action=user.updated&resource_id=${dale.user.id}`, { token: key }))
      .body.data;
    expect(entry.data).toMatchObject({ before: { status: "disabled" }, after: { status: "active" } });
  });

  it("does not let admins lock themselves out", async () => {
    const self = await server.request("PATCH", `/api/v1/users/${admin.user.id}`, {
      headers: admin.headers,
      json: { status: "disabled" },
    });
    expect(self.status).toBe(409);
    expect(self.body.error.message).toMatch(/cannot disable yourself/);
    const demote = await server.request("PATCH", `/api/v1/users/${admin.user.id}`, {
      headers: admin.headers,
      json: { roles: ["viewer"] },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toMatch(/users:admin/);
    const rename = await server.request("PATCH", `/api/v1/users/${admin.user.id}`, {
      headers: admin.headers,
      json: { name: "Alex A." },
    });
    expect(rename.status).toBe(200);
    expect((await server.request("GET", "/api/v1/me", { headers: admin.headers })).body.user.name).toBe("Alex A.");
  });

  it("does not let a tenant admin change a partner admin, and refuses bad changes clearly", async () => {
    const partnerAdminId = f.partnerAdmin.user.id;
    const demote = await server.request("PATCH", `/api/v1/users/${partnerAdminId}`, { token: key, json: { roles: ["viewer"] } });
    expect(demote.status).toBe(403);
    expect(demote.body.error.message).toContain("partner:admin");
    const disable = await server.request("PATCH", `/api/v1/users/${partnerAdminId}`, {
      token: key,
      json: { status: "disabled" },
    });
    expect(disable.status).toBe(403);
    const rename = await server.request("PATCH", `/api/v1/users/${partnerAdminId}`, { token: key, json: { name: "Renamed" } });
    expect(rename.status).toBe(403);
    expect((await server.request("GET", "/api/v1/me", { headers: f.partnerAdmin.headers })).status).toBe(200);

    const user = await createUser("erin@harbor.example", ["viewer"]);
    const grant = await server.request("PATCH", `/api/v1/users/${user.id}`, { token: key, json: { roles: ["partner_admin"] } });
    expect(grant.status).toBe(403);
    const unknownRole = await server.request("PATCH", `/api/v1/users/${user.id}`, { token: key, json: { roles: ["wizard"] } });
    expect(unknownRole.status).toBe(422);
    expect(unknownRole.body.error.details[0].path).toBe("roles");
    const empty = await server.request("PATCH", `/api/v1/users/${user.id}`, { token: key, json: {} });
    expect(empty.status).toBe(422);
    const unknownField = await server.request("PATCH", `/api/v1/users/${user.id}`, { token: key, json: { email: "x@y.z" } });
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.error.details[0].path).toBe("email");
    const missing = await server.request("PATCH", "/api/v1/users/usr_nope", { token: key, json: { name: "X" } });
    expect(missing.status).toBe(404);
    // Another tenant's user is not there to be found.
    const elsewhere = await server.request("PATCH", `/api/v1/users/${user.id}`, {
      token: f.tenants.bayside.key,
      json: { name: "X" },
    });
    expect(elsewhere.status).toBe(404);
  });
});
