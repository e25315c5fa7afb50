import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSystem } from "../../../platform/db/tenant-scope.ts";
import type { ActionRequestInput, PolicyIssue } from "../contract/index.ts";
import { PolicyInvalidError } from "../errors.ts";
import { type ActionsFixture, createActionsFixture } from "../testing/fixture.ts";
import { DEFAULT_POLICY_TEXT } from "./cedar.ts";

const order = (amount: number, extra: Partial<ActionRequestInput["facts"]> = {}): ActionRequestInput => ({
  kind: "sales_order.create",
  idempotency_key: "k",
  connector: "erp",
  payload: {},
  facts: { amount_minor: amount, currency: "USD", confidence: 0.99, ...extra },
  cause: { type: "test", id: "t" },
});

async function issuesOf(promise: Promise<unknown>): Promise<PolicyIssue[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PolicyInvalidError);
  expect(error).toMatchObject({ status: 422, code: "validation_failed" });
  return (error as PolicyInvalidError).issues;
}

describe("policy sets", () => {
  let f: ActionsFixture;
  const admin = () => f.person("usr_admin", "admin@harbor.example");

  beforeAll(async () => {
    f = await createActionsFixture();
  });
  afterAll(() => f.close());

  it("starts from Crossdock's default policies", async () => {
    const set = await f.actions.policies.get(f.tenant.id);
    expect(set).toMatchObject({ version: 0, source: "default", text: DEFAULT_POLICY_TEXT, updated_at: null, updated_by: null });
    expect(set.data.kinds["sales_order.create"]?.auto_approve_max_minor).toBe(500_000);
    expect(await f.actions.policies.versions(f.tenant.id)).toEqual([]);
  });

  it("refuses text that does not parse, with the line and column of the error, and saves nothing", async () => {
    const text = `${DEFAULT_POLICY_TEXT}\n// é\n@id("broken")\npermit (principal, action, resource)\nwhen { context.amountMinor = 5 };\n`;
    const [issue] = await issuesOf(f.actions.policies.save(admin(), { text }));
    const lines = text.split("\n");
    const line = lines.findIndex((candidate) => candidate.startsWith("when { context.amountMinor = 5")) + 1;
    expect(issue).toMatchObject({ path: "text", line, column: 8, help: "try using '==' instead" });
    expect(issue?.message).toContain("'=' is not a valid operator");
    expect(await f.actions.policies.versions(f.tenant.id)).toEqual([]);
  });

  it("refuses text the schema rejects, naming the policy, and data that does not fit, naming the field", async () => {
    const text = `${DEFAULT_POLICY_TEXT}\n@id("misspelt")\nforbid (principal, action, resource is Crossdock::ActionKind) when { resource.autoApproveMax > 1 };\n`;
    const [schemaIssue] = await issuesOf(f.actions.policies.save(admin(), { text }));
    expect(schemaIssue).toMatchObject({ policy_id: "misspelt", line: text.split("\n").length - 1 });
    expect(schemaIssue?.message).toContain("autoApproveMax");

    const issues = await issuesOf(
      f.actions.policies.save(admin(), {
        data: {
          default: { auto_approve_max_minor: -1, min_confidence: 1.5, approver_tiers: [{ max_minor: null, role: "intern" }] },
          kinds: { "sales_order.delete": { auto_approve_max_minor: null, min_confidence: 0.9, approver_tiers: [] } },
        },
      }),
    );
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      "data.default.approver_tiers.0.role",
      "data.default.auto_approve_max_minor",
      "data.default.min_confidence",
      "data.kinds.sales_order.delete",
    ]);
  });

  it("saves versions, audits each with what changed, and decides with the new one at once", async () => {
    expect(await f.actions.decide(f.flow, order(700_000))).toMatchObject({ effect: "approval_required", source: "default" });
    const base = await f.actions.policies.get(f.tenant.id);
    const create = base.data.kinds["sales_order.create"];
    const first = await f.actions.policies.save(admin(), {
      data: {
        ...base.data,
        kinds: { ...base.data.kinds, "sales_order.create": { ...create, auto_approve_max_minor: 1_000_000 } },
      },
    });
    expect(first).toMatchObject({ version: 1, source: "tenant", updated_by: { id: "usr_admin", label: "admin@harbor.example" } });
    expect(await f.actions.decide(f.flow, order(700_000))).toMatchObject({
      effect: "allow",
      source: "tenant",
      policy_version: 1,
    });

    const second = await f.actions.policies.save(admin(), {
      text: DEFAULT_POLICY_TEXT.replace('@id("automation-never-approves")', '@id("robots-never-approve")'),
    });
    expect(second.version).toBe(2);
    expect(second.data).toEqual(first.data);

    const versions = await f.actions.policies.versions(f.tenant.id);
    expect(versions.map((version) => [version.version, version.summary])).toEqual([
      [2, "policies added: robots-never-approve; policies removed: automation-never-approves"],
      [1, "kinds.sales_order.create.auto_approve_max_minor: 500000 → 1000000"],
    ]);
    expect(await f.actions.policies.version(f.tenant.id, 1)).toMatchObject({ version: 1, text: DEFAULT_POLICY_TEXT });
    await expect(f.actions.policies.version(f.tenant.id, 9)).rejects.toMatchObject({ status: 404 });

    const trail = (
      await f.auditOf(
        `${(await withSystem(f.db, async (tx) => (await tx.execute(sql`select id from actions.policy_sets where version = 1`)).rows[0]))?.id}`,
      )
    )[0];
    expect(trail).toMatchObject({
      action: "policy.updated",
      actor: { id: "usr_admin" },
      resource_type: "policy_set",
      data: {
        scope: "tenant",
        version: 1,
        previous: { source: "default", version: 0 },
        data_changes: ["kinds.sales_order.create.auto_approve_max_minor: 500000 → 1000000"],
      },
    });
  });

  it("denies, naming the policy, when a saved policy fails while evaluating", async () => {
    const text = `${DEFAULT_POLICY_TEXT}\n@id("overflow")\npermit (principal, action == Crossdock::Action::"auto", resource)\nwhen { context has amountMinor && context.amountMinor * 4611686018427387904 > 0 };\n`;
    await f.actions.policies.save(admin(), { text });
    const decision = await f.actions.decide(f.flow, order(1_000));
    expect(decision).toMatchObject({ effect: "deny", policies: ["overflow"], policy_version: 3 });
    expect(decision.reasons[0]).toContain("could not be evaluated");
    await f.actions.policies.save(admin(), { text: DEFAULT_POLICY_TEXT });
  });

  it("denies every write while the tenant is suspended", async () => {
    await withSystem(f.db, (tx) => tx.execute(sql`update tenancy.tenants set status = 'suspended' where id = ${f.tenant.id}`));
    try {
      expect(await f.actions.decide(f.flow, order(1_000))).toMatchObject({ effect: "deny", policies: ["deny-suspended-tenant"] });
    } finally {
      await withSystem(f.db, (tx) => tx.execute(sql`update tenancy.tenants set status = 'active' where id = ${f.tenant.id}`));
    }
  });

  it("answers the test bench on unsaved text and data, and on the saved set, without saving", async () => {
    const versions = (await f.actions.policies.versions(f.tenant.id)).length;
    const saved = await f.actions.policies.test(
      f.person("usr_dana"),
      { request: { kind: "sales_order.create", facts: { amount_minor: 700_000 } } },
      { roles: ["csr"] },
    );
    expect(saved).toMatchObject({ evaluated: "saved", decision: { effect: "allow" }, approval: null });

    const unsaved = await f.actions.policies.test(f.flow, {
      request: { kind: "sales_order.create", facts: { amount_minor: 700_000, confidence: 0.99 } },
      principal: { type: "agent", id: "flow:inbound-po-to-order" },
      approver: { id: "usr_bob", roles: ["buyer"] },
      data: {
        default: {
          auto_approve_max_minor: 0,
          min_confidence: 0.9,
          approver_tiers: [{ max_minor: null, role: "operations_manager" }],
        },
      },
    });
    expect(unsaved).toMatchObject({
      evaluated: "unsaved",
      decision: { effect: "approval_required", approver_role: "operations_manager" },
      approval: { allowed: false, policies: ["approve-only-in-approver-role"] },
    });
    await expect(
      f.actions.policies.test(f.flow, { request: { kind: "case.update" }, text: '@id("x") permit (principal, action, resource' }),
    ).rejects.toBeInstanceOf(PolicyInvalidError);
    await expect(f.actions.policies.test(f.flow, { request: { kind: "sales_order.delete" } } as never)).rejects.toMatchObject({
      status: 422,
      details: [expect.objectContaining({ path: "request.kind" })],
    });
    expect((await f.actions.policies.versions(f.tenant.id)).length).toBe(versions);
  });

  it("validates without saving", () => {
    expect(f.actions.policies.validate({ text: DEFAULT_POLICY_TEXT })).toEqual({ ok: true, errors: [] });
    const result = f.actions.policies.validate({ text: "permit (principal, action, resource);", data: { default: {} } });
    expect(result.ok).toBe(false);
    expect(result.errors.map((error) => error.path)).toEqual([
      "text",
      "data.default.auto_approve_max_minor",
      "data.default.min_confidence",
      "data.default.approver_tiers",
    ]);
  });
});

describe("partner policy sets", () => {
  let f: ActionsFixture;
  let ids: { north: string; harbor: string; bayside: string; southern: string };
  const partnerAdmin = { actor: { type: "user" as const, id: "usr_pat", label: "pat@north.example" } };

  beforeAll(async () => {
    f = await createActionsFixture();
    const north = await f.tenancy.createPartner({ name: "NorthERP", slug: "north" });
    const south = await f.tenancy.createPartner({ name: "South MSP", slug: "south" });
    const op = { actor: { type: "operator" as const, id: "test" } };
    const harbor = await f.tenancy.createTenant(op, { name: "Harbor", slug: "harbor-n", partner_id: north.id });
    const bayside = await f.tenancy.createTenant(op, { name: "Bayside", slug: "bayside-n", partner_id: north.id });
    const southern = await f.tenancy.createTenant(op, { name: "Southern", slug: "southern", partner_id: south.id });
    ids = { north: north.id, harbor: harbor.id, bayside: bayside.id, southern: southern.id };
    await f.actions.policies.save(
      { tenantId: bayside.id, actor: { type: "user", id: "usr_bay" } },
      {
        data: {
          default: { auto_approve_max_minor: 5, min_confidence: 0.5, approver_tiers: [{ max_minor: null, role: "admin" }] },
        },
      },
    );
  });
  afterAll(() => f.close());

  it("applies a partner's defaults to its tenants without their own, audited in each of their trails", async () => {
    const saved = await f.actions.policies.savePartner(partnerAdmin, ids.north, {
      data: {
        default: {
          auto_approve_max_minor: 123,
          min_confidence: 0.8,
          approver_tiers: [{ max_minor: null, role: "operations_manager" }],
        },
      },
    });
    expect(saved).toMatchObject({ version: 1, source: "partner" });
    expect(await f.actions.policies.getPartner(ids.north)).toEqual(saved);
    expect(await f.actions.policies.get(ids.harbor)).toMatchObject({
      source: "partner",
      version: 1,
      data: { default: { auto_approve_max_minor: 123 } },
    });
    expect(await f.actions.policies.get(ids.bayside)).toMatchObject({
      source: "tenant",
      data: { default: { auto_approve_max_minor: 5 } },
    });
    expect(await f.actions.policies.get(ids.southern)).toMatchObject({ source: "default" });
    const flow = (tenantId: string) => ({ tenantId, actor: { type: "system" as const, id: "flow:x" } });
    expect(await f.actions.decide(flow(ids.harbor), { ...order(100), kind: "case.update" })).toMatchObject({
      effect: "allow",
      source: "partner",
    });

    const partnerSetId = (await withSystem(f.db, (tx) => tx.execute(sql`select id from actions.partner_policy_sets`))).rows[0]
      ?.id as string;
    const [harborEntry] = await f.auditOf(partnerSetId, ids.harbor);
    const [baysideEntry] = await f.auditOf(partnerSetId, ids.bayside);
    expect(harborEntry).toMatchObject({
      action: "policy.updated",
      actor: { id: "usr_pat" },
      data: { scope: "partner", partner_id: ids.north, applies: true },
    });
    expect(baysideEntry).toMatchObject({ data: { applies: false } });
    expect(await f.auditOf(partnerSetId, ids.southern)).toEqual([]);
  });

  it("lets a tenant go back to its partner's defaults, recorded as a version and audited with the reason", async () => {
    const bay = { tenantId: ids.bayside, actor: { type: "user" as const, id: "usr_bay", label: "bay@bayside.example" } };
    const flow = { tenantId: ids.bayside, actor: { type: "system" as const, id: "flow:x" } };
    // Bayside's own set auto-approves up to 5 (minor units); the partner's up to 123.
    expect(await f.actions.decide(flow, order(100))).toMatchObject({ effect: "approval_required", source: "tenant" });
    await expect(f.actions.policies.inherit(bay, { reason: "" })).rejects.toMatchObject({ status: 422 });

    const now = await f.actions.policies.inherit(bay, { reason: "Use NorthERP's limits again" });
    expect(now).toMatchObject({ source: "partner", version: 1, data: { default: { auto_approve_max_minor: 123 } } });
    expect(await f.actions.policies.get(ids.bayside)).toEqual(now);
    expect(await f.actions.decide(flow, order(100))).toMatchObject({ effect: "allow", source: "partner", policy_version: 1 });

    const versions = await f.actions.policies.versions(ids.bayside);
    expect(versions.map((version) => [version.version, version.source, version.created_by.id])).toEqual([
      [2, "inherited", "usr_bay"],
      [1, "tenant", "usr_bay"],
    ]);
    expect(versions[0]?.summary).toMatch(/^back to the partner's defaults \(version 1\): /);
    expect(versions[0]?.summary).toContain("default.auto_approve_max_minor: 5 → 123");
    await expect(f.actions.policies.version(ids.bayside, 2)).rejects.toMatchObject({ status: 404 });
    expect(await f.actions.policies.version(ids.bayside, 1)).toMatchObject({ source: "tenant", version: 1 });

    const inheritedId = (
      await withSystem(f.db, (tx) =>
        tx.execute(sql`select id from actions.policy_sets where tenant_id = ${ids.bayside} and inherits`),
      )
    ).rows[0]?.id as string;
    expect(await f.auditOf(inheritedId, ids.bayside)).toEqual([
      expect.objectContaining({
        action: "policy.inherited",
        actor: expect.objectContaining({ id: "usr_bay" }),
        data: expect.objectContaining({
          reason: "Use NorthERP's limits again",
          version: 2,
          previous: { source: "tenant", version: 1 },
          now: { source: "partner", version: 1 },
        }),
      }),
    ]);

    // Already inheriting: refused, nothing recorded.
    await expect(f.actions.policies.inherit(bay, { reason: "again" })).rejects.toMatchObject({ status: 409, code: "conflict" });
    expect((await f.actions.policies.versions(ids.bayside)).length).toBe(2);

    // The partner's next save now applies to Bayside; a save of its own takes over again.
    const partnerNext = await f.actions.policies.savePartner(partnerAdmin, ids.north, {
      data: {
        default: { auto_approve_max_minor: 50, min_confidence: 0.8, approver_tiers: [{ max_minor: null, role: "admin" }] },
      },
    });
    const setId = (
      await withSystem(f.db, (tx) =>
        tx.execute(sql`select id from actions.partner_policy_sets where version = ${partnerNext.version}`),
      )
    ).rows[0]?.id as string;
    expect((await f.auditOf(setId, ids.bayside))[0]).toMatchObject({ data: { applies: true } });
    expect(await f.actions.decide(flow, order(100))).toMatchObject({
      effect: "approval_required",
      source: "partner",
      policy_version: 2,
    });
    const own = await f.actions.policies.save(bay, {
      data: { ...now.data, default: { ...now.data.default, auto_approve_max_minor: 1000 } },
    });
    expect(own).toMatchObject({ source: "tenant", version: 3 });
    expect(await f.actions.decide(flow, order(100))).toMatchObject({ effect: "allow", source: "tenant", policy_version: 3 });
  });

  it("lists the partner's versions, newest first", async () => {
    const versions = await f.actions.policies.partnerVersions(ids.north);
    expect(versions.map((version) => [version.version, version.source, version.created_by.id])).toEqual([
      [2, "partner", "usr_pat"],
      [1, "partner", "usr_pat"],
    ]);
    expect(versions[0]?.summary).toContain("default.auto_approve_max_minor: 123 → 50");
    // Another partner's id: the last character changed (a ULID's last character may be any of 32).
    const unknown = `${ids.north.slice(0, -1)}${ids.north.endsWith("x") ? "y" : "x"}`;
    expect(await f.actions.policies.partnerVersions(unknown)).toEqual([]);
  });

  it("goes back to Crossdock's defaults for a tenant without a partner set", async () => {
    const southern = { tenantId: ids.southern, actor: { type: "user" as const, id: "usr_south" } };
    await expect(f.actions.policies.inherit(southern, { reason: "nothing to undo" })).rejects.toMatchObject({ status: 409 });
    const base = await f.actions.policies.get(ids.southern);
    await f.actions.policies.save(southern, { data: { ...base.data, default: { ...base.data.default, min_confidence: 0.95 } } });
    const now = await f.actions.policies.inherit(southern, { reason: "Trial over" });
    expect(now).toMatchObject({ source: "default", version: 0 });
    expect((await f.actions.policies.versions(ids.southern))[0]).toMatchObject({
      version: 2,
      source: "inherited",
      summary: "back to Crossdock's defaults: default.min_confidence: 0.95 → 0.9",
    });
  });

  it("lets a tenant read only its own partner's sets", async () => {
    const visible = async (tenantId: string) =>
      (await f.db.pool.query(
        `begin; select set_config('crossdock.tenant_id', '${tenantId}', true), set_config('role', 'crossdock_app', true); select count(*)::int as n from actions.partner_policy_sets; commit;`,
      )) as unknown as { rows: { n: number }[] }[];
    const countFor = async (tenantId: string) => {
      const results = await visible(tenantId);
      return results[2]?.rows[0]?.n;
    };
    expect(await countFor(ids.harbor)).toBe(2);
    expect(await countFor(ids.southern)).toBe(0);
  });
});
