import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations, withSystem, withTenant } from "../../../platform/index.ts";
import { createTestDatabase, type TestDatabase } from "../../../platform/testing/test-database.ts";
import { governanceMigrations } from "../index.ts";
import { appendAudit } from "./audit-trail.ts";
import { verifyChain } from "./verify-chain.ts";

const actor = { type: "user" as const, id: "usr_1", label: "ana@example.com" };

describe("audit trail", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase([platformMigrations, governanceMigrations]);
    for (let i = 0; i < 5; i++) {
      await withTenant(test.db, "ten_a", (tx) =>
        appendAudit(tx, {
          tenantId: "ten_a",
          actor,
          action: "records.item.upserted",
          resourceType: "item",
          resourceId: `item_${i}`,
          data: { after: { sku: `S-${i}`, price: "1.50" } },
        }),
      );
    }
    await withTenant(test.db, "ten_b", (tx) =>
      appendAudit(tx, {
        tenantId: "ten_b",
        actor,
        action: "records.item.upserted",
        resourceType: "item",
        resourceId: "item_x",
        data: {},
      }),
    );
  });
  afterAll(() => test.drop());

  it("verifies an untouched chain, per tenant", async () => {
    expect(await withTenant(test.db, "ten_a", (tx) => verifyChain(tx, "ten_a"))).toMatchObject({ ok: true, entries: 5 });
    expect(await withTenant(test.db, "ten_b", (tx) => verifyChain(tx, "ten_b"))).toMatchObject({ ok: true, entries: 1 });
  });

  it("hashes in the database exactly as verification hashes in code, whatever the content", async () => {
    const awkward = {
      note: 'quotes " and \\ backslashes, a tab\t, a newline\n, accents éü, CJK 発注, emoji 📦',
      seq: "a key named seq inside data",
      nested: { z: 1, a: [true, null, 2.5, "\u2028"] },
    };
    // Concurrent appends for one tenant are serialised by the head, so the chain stays one line.
    await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        withTenant(test.db, "ten_c", (tx) =>
          appendAudit(tx, {
            tenantId: "ten_c",
            actor: { type: "user", id: "usr_é", label: 'Zoë "Z" O\'Neil' },
            action: "records.item.upserted",
            resourceType: "item",
            resourceId: `item_${n}`,
            data: { ...awkward, n },
          }),
        ),
      ),
    );
    expect(await withTenant(test.db, "ten_c", (tx) => verifyChain(tx, "ten_c"))).toMatchObject({ ok: true, entries: 6 });
  });

  it("refuses updates and deletes through SQL", async () => {
    await expect(test.db.pool.query("update governance.audit_entries set action = 'x' where seq = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(test.db.pool.query("delete from governance.audit_entries where seq = 1")).rejects.toThrow(/append-only/);
  });

  it("names the first altered entry", async () => {
    await withSystem(test.db, async (tx) => {
      await tx.execute(sql`alter table governance.audit_entries disable trigger audit_entries_append_only`);
      await tx.execute(
        sql`update governance.audit_entries set data = '{"after":{"sku":"S-3","price":"0.01"}}' where tenant_id = 'ten_a' and seq = 3`,
      );
      await tx.execute(sql`alter table governance.audit_entries enable trigger audit_entries_append_only`);
    });
    const report = await withTenant(test.db, "ten_a", (tx) => verifyChain(tx, "ten_a"));
    expect(report).toMatchObject({ ok: false, entries: 2, firstBreak: { seq: 3, reason: expect.stringMatching(/altered/) } });
    // Another tenant's chain is unaffected.
    expect(await withTenant(test.db, "ten_b", (tx) => verifyChain(tx, "ten_b"))).toMatchObject({ ok: true });
  });

  it("notices a deleted tail entry", async () => {
    await withSystem(test.db, async (tx) => {
      await tx.execute(sql`alter table governance.audit_entries disable trigger audit_entries_append_only`);
      await tx.execute(sql`delete from governance.audit_entries where tenant_id = 'ten_b' and seq = 1`);
      await tx.execute(sql`alter table governance.audit_entries enable trigger audit_entries_append_only`);
    });
    const report = await withTenant(test.db, "ten_b", (tx) => verifyChain(tx, "ten_b"));
    expect(report).toMatchObject({ ok: false, firstBreak: { seq: 1 } });
  });
});
