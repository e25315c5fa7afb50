import { describe, expect, it } from "vitest";
import { createLogger } from "../logger.ts";
import { openPglite } from "./pglite.ts";
import { maintainPglite, schedulePgliteMaintenance } from "./pglite-maintenance.ts";

const logger = createLogger({ level: "silent" });

describe("embedded database maintenance (PGlite has no autovacuum)", () => {
  it("vacuums and analyses every table, reclaiming dead rows and gathering statistics", async () => {
    const db = await openPglite("memory://");
    try {
      await db.pool.query(`create schema shop; create table shop."Order Lines" (id int primary key, qty int);
        insert into shop."Order Lines" select g, 0 from generate_series(1, 2000) g`);
      for (let n = 0; n < 3; n++) await db.pool.query(`update shop."Order Lines" set qty = qty + 1`);
      const statsBefore = await db.pool.query(`select count(*)::int as n from pg_stats where schemaname = 'shop'`);
      expect(statsBefore.rows[0].n).toBe(0);

      const vacuumed = await maintainPglite(db, logger);

      const tables = await db.pool.query(
        `select count(*)::int as n from pg_class where relkind in ('r', 'm') and relpersistence <> 't'`,
      );
      expect(vacuumed).toBe(tables.rows[0].n);
      const stats = await db.pool.query(
        `select last_vacuum is not null as vacuumed, last_analyze is not null as analysed from pg_stat_user_tables where relname = 'Order Lines'`,
      );
      expect(stats.rows[0]).toEqual({ vacuumed: true, analysed: true });
      // Analysed: the planner now has the columns' statistics.
      const columns = await db.pool.query(`select attname from pg_stats where schemaname = 'shop' order by attname`);
      expect(columns.rows.map((row) => row.attname)).toEqual(["id", "qty"]);
      // The three updates' dead versions are free space again: a fourth fits in the same pages.
      const size = async () => (await db.pool.query(`select pg_relation_size('shop."Order Lines"')::int as bytes`)).rows[0].bytes;
      const before = await size();
      await db.pool.query(`update shop."Order Lines" set qty = qty + 1`);
      expect(await size()).toBe(before);
    } finally {
      await db.close();
    }
  });

  it("is left to the server's autovacuum on PostgreSQL, and stops between passes on PGlite", async () => {
    const db = await openPglite("memory://");
    try {
      const stop = schedulePgliteMaintenance({ ...db, kind: "postgres" }, logger, 10);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await stop();
      const none = await db.pool.query(`select count(*)::int as n from pg_stat_user_tables where last_vacuum is not null`);
      expect(none.rows[0].n).toBe(0);

      await db.pool.query(`create table t (id int)`);
      const stopPglite = schedulePgliteMaintenance(db, logger, 10);
      for (let waited = 0; waited < 5000; waited += 20) {
        const done = await db.pool.query(`select last_vacuum is not null as done from pg_stat_user_tables where relname = 't'`);
        if (done.rows[0].done) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await stopPglite();
      const vacuumed = await db.pool.query(`select last_vacuum is not null as done from pg_stat_user_tables where relname = 't'`);
      expect(vacuumed.rows[0].done).toBe(true);
    } finally {
      await db.close();
    }
  });
});
