import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openPglite } from "./pglite.ts";
import { probeQueues } from "./queue-probe.ts";

describe("asking which queues have work (probeQueues)", () => {
  it("answers each question in one message, and leaves the dead entries it passes marked for later scans to skip", async () => {
    const db = await openPglite("memory://");
    try {
      await db.pool.query(`
        create table outbox (id int primary key, status text not null, due_at timestamptz not null);
        create index outbox_due on outbox (due_at) where status = 'pending';
        create table timers (id int primary key, fires_at timestamptz not null);
        insert into outbox select g, 'pending', now() - interval '1 hour' from generate_series(1, 3000) g;
        update outbox set status = 'sent';
        insert into timers values (1, now() - interval '1 minute'), (2, now() + interval '1 day');`);
      const questions = {
        outbox: sql`select 1 from outbox where status = 'pending' and due_at <= now()`,
        timers: sql`select 1 from timers where fires_at <= now()`,
        later: sql`select 1 from timers where fires_at > ${new Date(Date.now() + 2 * 86_400_000).toISOString()}`,
      };

      // The sent rows left 3,000 dead entries in the partial index: a bitmap scan visits every row behind them.
      const heapBlocksVisited = async () => {
        const client = await db.pool.connect();
        try {
          await client.query("begin; set local enable_indexscan = off");
          const plan = await client.query(
            "explain (analyze, buffers, costs off) select id from outbox where status = 'pending' and due_at <= now()",
          );
          await client.query("rollback");
          const text = plan.rows.map((row) => row["QUERY PLAN"]).join("\n");
          expect(text).toContain("Bitmap Heap Scan");
          return Number(/Heap Blocks: exact=(\d+)/.exec(text)?.[1] ?? 0);
        } finally {
          client.release();
        }
      };
      expect(await heapBlocksVisited()).toBeGreaterThan(10);

      expect(await probeQueues(db, questions)).toEqual({ outbox: false, timers: true, later: false });
      // Having walked the index, the probe marked the dead entries: the same bitmap scan now skips them.
      expect(await heapBlocksVisited()).toBe(0);

      await db.pool.query(`insert into outbox values (5000, 'pending', now() - interval '1 second')`);
      expect(await probeQueues(db, questions)).toEqual({ outbox: true, timers: true, later: false });
    } finally {
      await db.close();
    }
  });
});
