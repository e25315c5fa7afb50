import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Person, User } from "../../modules/tenancy/index.ts";
import { createPartnerFixture, type PartnerFixture } from "../testing/partner-fixture.ts";
import { createTestServer, type TestServer } from "../testing/test-server.ts";

const PASSWORD = "a long enough password";
/** Exactly what the directory may say about someone: no status, sign-ins or invitations. */
const ExactPerson = Person.strict();

describe("the people directory through the API", () => {
  let server: TestServer;
  let f: PartnerFixture;
  let csr: Awaited<ReturnType<TestServer["signIn"]>>;
  let viewer: Awaited<ReturnType<TestServer["signIn"]>>;

  const createUser = async (tenantKey: string, email: string, name: string, roles: string[]) => {
    const response = await server.request("POST", "/api/v1/users", {
      token: tenantKey,
      json: { email, name, password: PASSWORD, roles },
    });
    expect(response.status).toBe(201);
    return User.parse(response.body);
  };

  beforeAll(async () => {
    server = await createTestServer();
    f = await createPartnerFixture(server);
    const harbor = f.tenants.harbor.key;
    await createUser(harbor, "cass@harbor.example", "Cass Carter", ["csr"]);
    await createUser(harbor, "bea@harbor.example", "Bea Buyer", ["buyer"]);
    await createUser(harbor, "carl@harbor.example", "carl Clerk", ["ap_clerk", "csr"]);
    await createUser(harbor, "ops.zed@harbor.example", "Zed Zulu", ["operations_manager"]);
    await createUser(harbor, "vic@harbor.example", "Vic Viewer", ["viewer"]);
    const dora = await createUser(harbor, "dora@harbor.example", "Dora Departed", ["csr"]);
    const disabled = await server.request("PATCH", `/api/v1/users/${dora.id}`, { token: harbor, json: { status: "disabled" } });
    expect(disabled.status).toBe(200);
    await createUser(f.tenants.bayside.key, "cassie@bayside.example", "Cassie Bayside", ["csr"]);
    csr = await server.signIn("harbor", "cass@harbor.example", PASSWORD);
    viewer = await server.signIn("harbor", "vic@harbor.example", PASSWORD);
  });
  afterAll(() => server.close());

  const people = async (query: string, options: Parameters<TestServer["request"]>[2]) => {
    const response = await server.request("GET", `/api/v1/people${query}`, options);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return (response.body.data as unknown[]).map((person) => ExactPerson.parse(person));
  };

  it("gives a CSR the tenant's active people by name, with only their id, name, email and roles", async () => {
    const found = await people("", { headers: csr.headers });
    expect(found.map((person) => person.name)).toEqual([
      "Bea Buyer",
      "carl Clerk",
      "Cass Carter",
      "Pat Partner",
      "Vic Viewer",
      "Zed Zulu",
    ]);
    expect(found.find((person) => person.name === "Cass Carter")).toEqual({
      id: csr.user.id,
      name: "Cass Carter",
      email: "cass@harbor.example",
      roles: ["csr"],
    });
    // Disabled people are not offered, and neither is anyone of another tenant.
    const emails = found.map((person) => person.email);
    expect(emails).not.toContain("dora@harbor.example");
    expect(emails).not.toContain("cassie@bayside.example");
    // The same CSR may not list users.
    expect((await server.request("GET", "/api/v1/users", { headers: csr.headers })).status).toBe(403);
  });

  it("refuses a caller without tasks:read", async () => {
    const response = await server.request("GET", "/api/v1/people", { headers: viewer.headers });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toContain("tasks:read");
  });

  it("filters by the start of the name or email, ignoring case, and by role", async () => {
    const names = async (query: string) => (await people(query, { headers: csr.headers })).map((person) => person.name);
    expect(await names("?q=CA")).toEqual(["carl Clerk", "Cass Carter"]);
    expect(await names("?q=ops.z")).toEqual(["Zed Zulu"]);
    expect(await names("?q=arter")).toEqual([]);
    expect(await names("?q=dora")).toEqual([]);
    expect(await names("?role=csr")).toEqual(["carl Clerk", "Cass Carter"]);
    expect(await names("?role=csr&q=carl")).toEqual(["carl Clerk"]);
    expect(await names("?role=buyer")).toEqual(["Bea Buyer"]);
    expect(await names("?role=wizard")).toEqual([]);
    expect(await names("?q=%25")).toEqual([]);
    expect(await names("?limit=2")).toEqual(["Bea Buyer", "carl Clerk"]);
    const tooMany = await server.request("GET", "/api/v1/people?limit=500", { headers: csr.headers });
    expect(tooMany.status).toBe(422);
  });

  it("shows another tenant only its own people: by its key, or to a partner admin acting in it", async () => {
    const byKey = await people("", { token: f.tenants.bayside.key });
    expect(byKey.map((person) => person.email)).toEqual(["cassie@bayside.example"]);
    const actingInBayside = await people("", { headers: f.partnerAdmin.headers, tenant: "bayside" });
    expect(actingInBayside.map((person) => person.email)).toEqual(["cassie@bayside.example"]);
    const atHome = await people("?q=cass", { headers: f.partnerAdmin.headers });
    expect(atHome.map((person) => person.email)).toEqual(["cass@harbor.example"]);
    expect(await people("", { token: f.tenants.southern.key })).toEqual([]);
  });
});
