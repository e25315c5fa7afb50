import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PolicySet, PolicyTestResult, PolicyValidation, PolicyVersionSummary } from "../../modules/actions/index.ts";
import { createPartnerFixture, type PartnerFixture } from "../testing/partner-fixture.ts";
import { createTestServer, type TestServer } from "../testing/test-server.ts";

describe("policies through the API", () => {
  let server: TestServer;
  let f: PartnerFixture;
  let reader: string;
  const harbor = () => f.tenants.harbor.key;

  beforeAll(async () => {
    server = await createTestServer({ CROSSDOCK_SECRET_KEY: Buffer.alloc(32, 4).toString("base64") });
    f = await createPartnerFixture(server);
    reader = (
      await server.request("POST", "/api/v1/api-keys", { token: harbor(), json: { name: "r", scopes: ["policies:read"] } })
    ).body.secret;
  });
  afterAll(() => server.close());

  it("shows the policies in force and the schema they are written against", async () => {
    const set = await server.request("GET", "/api/v1/policies", { token: reader });
    expect(PolicySet.parse(set.body)).toMatchObject({ version: 0, source: "default" });
    expect(set.body.text).toContain('@id("auto-within-limits")');
    const schema = await server.request("GET", "/api/v1/policies/schema", { token: reader });
    expect(schema.body.cedar_schema).toContain("namespace Crossdock");
  });

  it("refuses a policy with a syntax error when saved, with its line and column", async () => {
    const text =
      'permit (principal, action, resource)\nwhen { context.amountMinor > 5 };\n\n@id("late")\nforbid (principal, action, resource) when { context has amountMinor && context.amountMinor > "x" };';
    const refused = await server.request("PUT", "/api/v1/policies", { token: harbor(), json: { text } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("validation_failed");
    expect(refused.body.error.details[0]).toMatchObject({ path: "text", line: 1, column: 1, code: "policy_invalid" });
    expect(refused.body.error.message).toContain("line 1, column 1");
    const broken = await server.request("PUT", "/api/v1/policies", {
      token: harbor(),
      json: { text: '@id("x")\npermit (principal, action, resource)\nwhen { true && };' },
    });
    expect(broken.status).toBe(422);
    expect(broken.body.error.details[0]).toMatchObject({ line: 3, policy_id: null });
    expect((await server.request("GET", "/api/v1/policies/versions", { token: reader })).body.data).toEqual([]);
    expect((await server.request("PUT", "/api/v1/policies", { token: reader, json: { text } })).status).toBe(403);
  });

  it("saves versions and reads them back", async () => {
    const current = (await server.request("GET", "/api/v1/policies", { token: reader })).body;
    const data = { ...current.data, default: { ...current.data.default, min_confidence: 0.95 } };
    const saved = await server.request("PUT", "/api/v1/policies", { token: harbor(), json: { data } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, source: "tenant", data: { default: { min_confidence: 0.95 } } });
    const versions = await server.request("GET", "/api/v1/policies/versions", { token: reader });
    expect(versions.body.data).toEqual([expect.objectContaining({ version: 1, summary: "default.min_confidence: 0.9 → 0.95" })]);
    expect((await server.request("GET", "/api/v1/policies/versions/1", { token: reader })).body).toEqual(saved.body);
    expect((await server.request("GET", "/api/v1/policies/versions/7", { token: reader })).status).toBe(404);
    const audit = await server.request("GET", "/api/v1/audit?action=policy.updated", { token: harbor() });
    expect(audit.body.data[0]).toMatchObject({ data: { version: 1, summary: "default.min_confidence: 0.9 → 0.95" } });
  });

  it("validates and tests without saving", async () => {
    const validation = await server.request("POST", "/api/v1/policies/validate", {
      token: reader,
      json: { text: '@id("a")\npermit (principal, action, resource) when { context.nope };' },
    });
    expect(PolicyValidation.parse(validation.body)).toMatchObject({ ok: false, errors: [{ policy_id: "a", line: 2 }] });
    const tested = await server.request("POST", "/api/v1/policies/test", {
      token: reader,
      json: {
        request: { kind: "purchase_order.create", facts: { amount_minor: 3_000_000, confidence: 0.99 } },
        principal: { type: "agent", id: "flow:replenishment-approval" },
        approver: { id: "usr_bob", roles: ["buyer"] },
      },
    });
    expect(PolicyTestResult.parse(tested.body)).toMatchObject({
      evaluated: "saved",
      decision: { effect: "approval_required", approver_role: "operations_manager", policy_version: 1 },
      approval: { allowed: false },
    });
    const invalid = await server.request("POST", "/api/v1/policies/test", {
      token: reader,
      json: { request: { kind: "case.update" }, text: "nonsense" },
    });
    expect(invalid.status).toBe(422);
  });

  it("lets a partner admin set defaults for the partner's tenants", async () => {
    const put = await server.request("PUT", "/api/v1/partner/policies", {
      headers: f.partnerAdmin.headers,
      json: {
        data: {
          default: { auto_approve_max_minor: 0, min_confidence: 0.99, approver_tiers: [{ max_minor: null, role: "admin" }] },
        },
      },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ version: 1, source: "partner" });
    expect((await server.request("GET", "/api/v1/partner/policies", { headers: f.partnerAdmin.headers })).body).toEqual(put.body);
    // Harbor has its own set; Bayside inherits the partner's; Southern (another partner) the default.
    expect((await server.request("GET", "/api/v1/policies", { token: f.tenants.harbor.key })).body.source).toBe("tenant");
    expect((await server.request("GET", "/api/v1/policies", { token: f.tenants.bayside.key })).body).toMatchObject({
      source: "partner",
      version: 1,
    });
    expect((await server.request("GET", "/api/v1/policies", { token: f.tenants.southern.key })).body.source).toBe("default");
    expect((await server.request("PUT", "/api/v1/partner/policies", { token: harbor(), json: { data: {} } })).status).toBe(403);
  });

  it("lets a policy admin go back to the partner's defaults, with the reason, and a partner admin list the partner's versions", async () => {
    const question = {
      request: { kind: "sales_order.create", facts: { amount_minor: 100, currency: "USD", confidence: 0.99 } },
      principal: { type: "agent", id: "flow:x" },
    };
    const before = await server.request("POST", "/api/v1/policies/test", { token: reader, json: question });
    expect(before.body.decision).toMatchObject({ effect: "allow", source: "tenant", policy_version: 1 });

    const path = "/api/v1/policies";
    expect((await server.request("DELETE", path, { token: reader, json: { reason: "not mine to do" } })).status).toBe(403);
    expect((await server.request("DELETE", path, { token: harbor(), json: {} })).status).toBe(422);
    const reverted = await server.request("DELETE", path, { token: harbor(), json: { reason: "Follow NorthERP's defaults" } });
    expect(reverted.status).toBe(200);
    expect(PolicySet.parse(reverted.body)).toMatchObject({ source: "partner", version: 1 });
    expect((await server.request("GET", path, { token: reader })).body).toEqual(reverted.body);

    // The partner's defaults auto-approve nothing and ask for 0.99 confidence: the same question is now put to an approver.
    const after = await server.request("POST", "/api/v1/policies/test", { token: reader, json: question });
    expect(after.body.decision).toMatchObject({ effect: "approval_required", source: "partner", policy_version: 1 });

    const versions = await server.request("GET", "/api/v1/policies/versions", { token: reader });
    expect(versions.body.data.map((version: PolicyVersionSummary) => PolicyVersionSummary.parse(version))).toEqual([
      expect.objectContaining({ version: 2, source: "inherited" }),
      expect.objectContaining({ version: 1, source: "tenant" }),
    ]);
    expect((await server.request("GET", "/api/v1/policies/versions/2", { token: reader })).status).toBe(404);
    const audit = await server.request("GET", "/api/v1/audit?action=policy.inherited", { token: harbor() });
    expect(audit.body.data).toEqual([
      expect.objectContaining({
        action: "policy.inherited",
        data: expect.objectContaining({
          reason: "Follow NorthERP's defaults",
          version: 2,
          now: { source: "partner", version: 1 },
        }),
      }),
    ]);
    expect(audit.body.data[0].actor.id).toBe(versions.body.data[0].created_by.id);

    const again = await server.request("DELETE", path, { token: harbor(), json: { reason: "Follow NorthERP's defaults" } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");

    const partnerVersions = await server.request("GET", "/api/v1/partner/policies/versions", { headers: f.partnerAdmin.headers });
    expect(partnerVersions.status).toBe(200);
    expect(partnerVersions.body.data.map((version: PolicyVersionSummary) => PolicyVersionSummary.parse(version))).toEqual([
      expect.objectContaining({ version: 1, source: "partner" }),
    ]);
    expect((await server.request("GET", "/api/v1/partner/policies/versions", { token: harbor() })).status).toBe(403);
  });
});
