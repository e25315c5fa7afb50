import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../index.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { readAsTenant, writeAsTenant } from "./tenant-scope.ts";

describe("writes a tenant makes while another is in flight", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase([platformMigrations]);
    await test.db.pool.query(`
      create table public.notes (tenant_id text not null, n integer not null, body text not null, unique (tenant_id, n));
      grant select, insert on public.notes to crossdock_app;
      select platform.isolate_by_tenant('public.notes');`);
  });
  afterAll(() => test.drop());

  const insert = (tenantId: string, n: number, body: string) =>
    writeAsTenant(test.db, tenantId, [
      sql`insert into public.notes (tenant_id, n, body) values (${tenantId}, ${n}, ${body}) returning n, body`,
    ]);
  const notes = (tenantId: string) =>
    readAsTenant<{ n: number; body: string }>(test.db, tenantId, sql`select n, body from public.notes order by n`);

  it("all commit, each answered with its own statements' results, in the order they were made", async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, n) => insert("ten_a", n, `note ${n}`)));
    expect(answers.map(([result]) => result?.rows)).toEqual(Array.from({ length: 40 }, (_, n) => [{ n, body: `note ${n}` }]));
    expect((await notes("ten_a")).map((note) => note.n)).toEqual(Array.from({ length: 40 }, (_, n) => n));
  });

  it("one that fails fails alone: the others that shared its message commit", async () => {
    const answers = await Promise.allSettled([
      insert("ten_b", 1, "first"),
      insert("ten_b", 2, "second"),
      insert("ten_b", 1, "the same number again"),
      insert("ten_b", 3, "it's quoted; and -- safely"),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect(String((answers[2] as PromiseRejectedResult).reason)).toMatch(/duplicate key/);
    expect(await notes("ten_b")).toEqual([
      { n: 1, body: "first" },
      { n: 2, body: "second" },
      { n: 3, body: "it's quoted; and -- safely" },
    ]);
  });

  it("stay within their tenant: each sees and writes only its own rows", async () => {
    await Promise.all([insert("ten_c", 1, "c"), insert("ten_d", 1, "d"), insert("ten_c", 2, "c2")]);
    expect(await notes("ten_c")).toEqual([
      { n: 1, body: "c" },
      { n: 2, body: "c2" },
    ]);
    expect(await notes("ten_d")).toEqual([{ n: 1, body: "d" }]);
    await expect(
      writeAsTenant(test.db, "ten_c", [sql`insert into public.notes (tenant_id, n, body) values ('ten_d', 9, 'sneaky')`]),
    ).rejects.toThrow(/row-level security/);
  });
});
