import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAsTenant, rows, withTenant } from "../../src/platform/index.ts";
import { createTestServer, type TestServer } from "../../src/server/testing/test-server.ts";

/**
 * Isolation is PostgreSQL's job, not the application's: under tenant A's context, SQL with no
 * tenant filter at all must see none of tenant B's rows, in every table that holds tenant data.
 */
describe("tenant isolation by row-level security", () => {
  let server: TestServer;
  let a: { id: string };
  let b: { id: string };
  let tenantTables: string[];

  beforeAll(async () => {
    server = await createTestServer();
    const first = await server.createTenantWithKey("tenant-a");
    const second = await server.createTenantWithKey("tenant-b");
    a = first.tenant;
    b = second.tenant;
    for (const [slug, key] of [
      ["tenant-a", first.key],
      ["tenant-b", second.key],
    ] as const) {
      await server.request("POST", "/api/v1/users", {
        token: key,
        json: { email: `admin@${slug}.test`, name: "Admin", password: "a long enough password", roles: ["admin"] },
      });
      await server.request("POST", "/api/v1/auth/sessions", {
        json: { tenant: slug, email: `admin@${slug}.test`, password: "a long enough password" },
      });
      await server.request("POST", "/api/v1/records/items", {
        token: key,
        headers: { "idempotency-key": `seed-${slug}` },
        json: [{ source_system: "erp", external_id: "SKU-1", sku: "SKU-1", name: "Hex bolt M8", base_uom: "EA" }],
      });
    }
    const found = await server.crossdock.db.pool.query<{ table_name: string; table_schema: string }>(
      `select table_schema, table_name from information_schema.columns
        where column_name = 'tenant_id' and table_schema not in ('dbos', 'information_schema', 'pg_catalog')
        order by 1, 2`,
    );
    tenantTables = found.rows.map((row) => `${row.table_schema}.${row.table_name}`);
  });
  afterAll(() => server.close());

  it("covers every table that holds tenant data", () => {
    expect(tenantTables).toEqual(
      expect.arrayContaining([
        "governance.audit_entries",
        "platform.events",
        "tenancy.users",
        "tenancy.api_keys",
        "tenancy.sessions",
      ]),
    );
    expect(tenantTables.some((table) => table.startsWith("records."))).toBe(true);
  });

  it("has row-level security enabled and forced on each of them, and views read with the reader's rights", async () => {
    const { rows: flags } = await server.crossdock.db.pool.query<{
      name: string;
      view: boolean;
      enabled: boolean;
      forced: boolean;
      invoker: boolean;
    }>(
      `select n.nspname || '.' || c.relname as name, c.relkind = 'v' as view, c.relrowsecurity as enabled,
              c.relforcerowsecurity as forced, coalesce('security_invoker=true' = any(c.reloptions), false) as invoker
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname || '.' || c.relname = any($1)`,
      [tenantTables],
    );
    expect(flags.filter((flag) => !flag.view && (!flag.enabled || !flag.forced)).map((flag) => flag.name)).toEqual([]);
    // A view is checked by the policies of the tables it reads only when it reads with the reader's rights.
    expect(flags.filter((flag) => flag.view && !flag.invoker).map((flag) => flag.name)).toEqual([]);
    expect(flags.some((flag) => flag.view)).toBe(true);
    expect(flags).toHaveLength(tenantTables.length);
  });

  it("shows tenant A none of tenant B's rows, with no filter in the SQL", async () => {
    for (const table of tenantTables) {
      const seen = await withTenant(server.crossdock.db, a.id, (tx) =>
        rows<{ tenant_id: string }>(tx, sql`select distinct tenant_id from ${sql.raw(table)}`),
      );
      expect(
        seen.map((row) => row.tenant_id).filter((tenant) => tenant !== a.id),
        table,
      ).toEqual([]);
    }
    // and B's rows really exist, so the check above could have failed
    const total = await server.crossdock.db.pool.query<{ count: string }>(
      "select count(*) from tenancy.users where tenant_id = $1",
      [b.id],
    );
    expect(Number(total.rows[0]?.count)).toBe(1);
  });

  it("does the same for single-round-trip reads, whichever tenant a reused connection served before", async () => {
    // Alternate tenants, so pooled connections are handed from one tenant to the other.
    for (let round = 0; round < 6; round++) {
      for (const tenant of [a, b]) {
        for (const table of tenantTables) {
          const seen = await readAsTenant<{ tenant_id: string }>(
            server.crossdock.db,
            tenant.id,
            sql`select distinct tenant_id from ${sql.raw(table)}`,
            { name: `isolation.${table}` },
          );
          expect(
            seen.map((row) => row.tenant_id).filter((id) => id !== tenant.id),
            `${table} as ${tenant.id}`,
          ).toEqual([]);
        }
        const items = await readAsTenant<{ n: number }>(
          server.crossdock.db,
          tenant.id,
          sql`select count(*)::int as n from records.items`,
        );
        expect(items[0]?.n).toBe(1);
      }
    }
  });

  it("keeps a connection's tenant right after a read that failed", async () => {
    await expect(readAsTenant(server.crossdock.db, a.id, sql`select 1 / 0`, { name: "isolation.fails" })).rejects.toThrow(
      /division by zero/,
    );
    const seen = await readAsTenant<{ tenant_id: string }>(
      server.crossdock.db,
      b.id,
      sql`select distinct tenant_id from tenancy.users`,
    );
    expect(seen.map((row) => row.tenant_id)).toEqual([b.id]);
  });

  it("refuses to write a row into another tenant", async () => {
    await expect(
      withTenant(server.crossdock.db, a.id, (tx) =>
        tx.execute(
          sql`insert into platform.events (id, tenant_id, type, subject_type, subject_id, payload) values ('evt_x', ${b.id}, 'x', 'x', 'x', '{}')`,
        ),
      ),
    ).rejects.toThrow();
  });

  it("does not let a key of tenant A read tenant B by asking for it", async () => {
    const { key } = await server.createTenantWithKey("tenant-c");
    const response = await server.request("GET", "/api/v1/tenant", { token: key, tenant: "tenant-a" });
    expect(response.status).toBe(403);
  });
});
