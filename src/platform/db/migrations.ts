import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { AppError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import type { Database } from "./database.ts";

/** A module's migrations: `NNNN-name.sql` files in one folder, applied in name order. */
export type MigrationSet = { module: string; directory: URL };

type Migration = { module: string; name: string; sql: string; checksum: string };

// Any 64-bit number both engines agree on; it only has to be the same in every process.
const MIGRATION_LOCK_KEY = 7_364_012_118;

async function readMigrations(set: MigrationSet): Promise<Migration[]> {
  const folder = fileURLToPath(set.directory);
  const names = (await readdir(folder)).filter((name) => /^\d{4}-[a-z0-9-]+\.sql$/.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(`${folder}/${name}`, "utf8");
      return { module: set.module, name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export type MigrationReport = { applied: string[]; alreadyApplied: number };

/**
 * Applies every pending migration, each in its own transaction, under an advisory lock so that
 * processes starting together migrate once. An applied migration whose file has since changed
 * stops the run: applied migrations are history and are never edited.
 */
export async function migrate(db: Database, sets: MigrationSet[], logger?: Logger): Promise<MigrationReport> {
  const migrations = (await Promise.all(sets.map(readMigrations))).flat();
  const client = await db.pool.connect();
  const applied: string[] = [];
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(`create schema if not exists platform;
      create table if not exists platform.schema_migrations (
        module text not null, name text not null, checksum text not null,
        applied_at timestamptz not null default now(), primary key (module, name))`);
    const { rows } = await client.query<{ module: string; name: string; checksum: string }>(
      "select module, name, checksum from platform.schema_migrations",
    );
    const done = new Map(rows.map((row) => [`${row.module}/${row.name}`, row.checksum]));
    for (const migration of migrations) {
      const key = `${migration.module}/${migration.name}`;
      const checksum = done.get(key);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new AppError(
            "migration_failed",
            `Migration ${key} was changed after it was applied; add a new migration instead`,
          );
        }
        continue;
      }
      try {
        await client.query("begin");
        await client.query(migration.sql);
        await client.query("insert into platform.schema_migrations (module, name, checksum) values ($1, $2, $3)", [
          migration.module,
          migration.name,
          migration.checksum,
        ]);
        await client.query("commit");
      } catch (error) {
        await client.query("rollback");
        throw new AppError("migration_failed", `Migration ${key} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(key);
      logger?.info({ migration: key }, "migration applied");
    }
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
  return { applied, alreadyApplied: migrations.length - applied.length };
}
