import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PeoplePage, Person, User } from "../../modules/tenancy/index.ts";
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

  const page = async (query: string, options: Parameters<TestServer["request"]>[2]) => {
    const response = await server.request("GET", `/api/v1/people${query}`, options);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const body = PeoplePage.strict().parse(response.body);
    return { data: body.data.map((person) => ExactPerson.parse(person)), next_cursor: body.next_cursor };
  };
  const people = async (query: string, options: Parameters<TestServer["request"]>[2]) => (await page(query, options)).data;

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
    // The start of any word of the name: a surname finds its person.
    expect(await names("?q=carter")).toEqual(["Cass Carter"]);
    expect(await names("?q=zu")).toEqual(["Zed Zulu"]);
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

  it("pages by name with a cursor, saying when more people match, until the last page", async () => {
    const first = await page("?limit=4", { headers: csr.headers });
    expect(first.data.map((person) => person.name)).toEqual(["Bea Buyer", "carl Clerk", "Cass Carter", "Pat Partner"]);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = await page(`?limit=4&cursor=${first.next_cursor}`, { headers: csr.headers });
    expect(second.data.map((person) => person.name)).toEqual(["Vic Viewer", "Zed Zulu"]);
    expect(second.next_cursor).toBeNull();
    // Exactly a page's worth: nothing more to ask for.
    expect((await page("?limit=6", { headers: csr.headers })).next_cursor).toBeNull();
    // A search pages the same way.
    const searched = await page("?q=c&limit=1", { headers: csr.headers });
    expect(searched.data.map((person) => person.name)).toEqual(["carl Clerk"]);
    const more = await page(`?q=c&limit=1&cursor=${searched.next_cursor}`, { headers: csr.headers });
    expect(more.data.map((person) => person.name)).toEqual(["Cass Carter"]);
    expect(more.next_cursor).toBeNull();
    const forged = await server.request("GET", "/api/v1/people?cursor=not-a-cursor", { headers: csr.headers });
    expect(forged.status).toBe(400);
    expect(forged.body.error.details).toEqual([{ path: "cursor", message: "not a cursor from this list" }]);
  });

  it("looks people up by id, leaving out those who are not active or not of the tenant", async () => {
    const everyone = await people("", { token: f.tenants.harbor.key });
    const idOf = (name: string) => everyone.find((person) => person.name === name)?.id as string;
    const dora = (await server.request("GET", "/api/v1/users", { token: f.tenants.harbor.key })).body.data.find(
      (user: User) => user.email === "dora@harbor.example",
    ) as User;
    const bayside = (await people("", { token: f.tenants.bayside.key }))[0] as Person;
    const found = await people(`?id=${idOf("Zed Zulu")},${idOf("Bea Buyer")},${dora.id},${bayside.id},usr_nobody`, {
      headers: csr.headers,
    });
    expect(found.map((person) => person.name)).toEqual(["Bea Buyer", "Zed Zulu"]);
    expect(await people(`?id=${dora.id}`, { headers: csr.headers })).toEqual([]);
    const ids = Array.from({ length: 201 }, (_, index) => `usr_${index}`).join(",");
    expect((await server.request("GET", `/api/v1/people?id=${ids}`, { headers: csr.headers })).status).toBe(422);
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
