import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations, rows, withSystem, withTenant } from "../../../platform/index.ts";
import { createTestDatabase, type TestDatabase } from "../../../platform/testing/test-database.ts";
import { governanceMigrations } from "../index.ts";
import { auditFacets } from "./audit-facets.ts";
import { appendAudit } from "./audit-trail.ts";
import { aboutRecord, listEntries } from "./list-entries.ts";

const query = { limit: 50 } as const;

describe("looking up the trail", () => {
  let test: TestDatabase;
  const append = (tenantId: string, entry: Partial<Parameters<typeof appendAudit>[1]>) =>
    withTenant(test.db, tenantId, (tx) =>
      appendAudit(tx, {
        tenantId,
        actor: { type: "user", id: "usr_b", label: "bea@example.com" },
        action: "records.item.upserted",
        resourceType: "item",
        resourceId: "batch",
        data: {},
        ...entry,
      }),
    );

  beforeAll(async () => {
    test = await createTestDatabase([platformMigrations, governanceMigrations]);
    await append("ten_a", { data: { ids: ["item_1", "item_2", "item_3"] } });
    await append("ten_a", { resourceId: "item_2", data: { ids: ["item_2"] } });
    await append("ten_a", {
      actor: { type: "api_key", id: "key_z", label: "ERP sync" },
      action: "records.customer.upserted",
      resourceType: "customer",
      resourceId: "cus_1",
    });
    await append("ten_a", {
      actor: { type: "user", id: "usr_a", label: "Ana@example.com" },
      action: "user.created",
      resourceType: "user",
      resourceId: "usr_c",
    });
    // The same user under a new label: the facet shows the latest.
    await append("ten_a", { actor: { type: "user", id: "usr_b", label: "bea.new@example.com" }, action: "api_key.created" });
    await append("ten_b", { action: "tenant.created", resourceType: "tenant", resourceId: "item_2", data: { ids: ["item_1"] } });
  });
  afterAll(() => test.drop());

  it("finds a record's entries, alone or in a batch, in its own tenant only", async () => {
    const found = await withTenant(test.db, "ten_a", (tx) => listEntries(tx, "ten_a", { ...query, record: "item_2" }));
    expect(found.data.map((entry) => [entry.seq, entry.resource_id])).toEqual([
      [2, "item_2"],
      [1, "batch"],
    ]);
    const first = await withTenant(test.db, "ten_a", (tx) => listEntries(tx, "ten_a", { ...query, record: "item_1" }));
    expect(first.data.map((entry) => entry.seq)).toEqual([1]);
    const none = await withTenant(test.db, "ten_a", (tx) => listEntries(tx, "ten_a", { ...query, record: "item_9" }));
    expect(none.data).toEqual([]);
  });

  it("uses the indexes for a record's entries, not a scan of the trail", async () => {
    // A tenant with a long trail of batches (written straight in: their chain is not what is tested here).
    await withSystem(test.db, async (tx) => {
      await tx.execute(sql`
        insert into governance.audit_entries (tenant_id, seq, id, occurred_at, actor_type, actor_id, action, resource_type,
          resource_id, data, prev_hash, hash)
        select 'ten_big', n, 'aud_big_' || n, now(), 'api_key', 'key_erp', 'records.item.upserted', 'item', 'batch',
               jsonb_build_object('ids', jsonb_build_array('item_' || n, 'item_' || (n + 1))), '', ''
          from generate_series(1, 20000) n`);
      await tx.execute(sql`analyze governance.audit_entries`);
    });
    const plan = await withSystem(test.db, (tx) =>
      rows<{ "QUERY PLAN": string }>(
        tx,
        sql`explain select id from governance.audit_entries where tenant_id = 'ten_big' and ${aboutRecord("item_777")}`,
      ),
    );
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("audit_entries_ids");
    expect(text).toContain("audit_entries_resource_id");
  });

  it("gives the trail's distinct actions, actors with their latest label, and resource types, sorted", async () => {
    const facets = await withTenant(test.db, "ten_a", (tx) => auditFacets(tx, "ten_a"));
    expect(facets).toEqual({
      actions: ["api_key.created", "records.customer.upserted", "records.item.upserted", "user.created"],
      actors: [
        { type: "user", id: "usr_a", label: "Ana@example.com" },
        { type: "user", id: "usr_b", label: "bea.new@example.com" },
        { type: "api_key", id: "key_z", label: "ERP sync" },
      ],
      resource_types: ["customer", "item", "user"],
    });
    const other = await withTenant(test.db, "ten_b", (tx) => auditFacets(tx, "ten_b"));
    expect(other).toEqual({
      actions: ["tenant.created"],
      actors: [{ type: "user", id: "usr_b", label: "bea@example.com" }],
      resource_types: ["tenant"],
    });
    expect(await withTenant(test.db, "ten_none", (tx) => auditFacets(tx, "ten_none"))).toEqual({
      actions: [],
      actors: [],
      resource_types: [],
    });
  });
});
