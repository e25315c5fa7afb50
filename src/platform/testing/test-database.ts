import pg from "pg";
import type { Database } from "../db/database.ts";
import { type MigrationSet, migrate } from "../db/migrations.ts";
import { openPglite } from "../db/pglite.ts";
import { openPostgres } from "../db/postgres.ts";
import { newId } from "../ids.ts";

export type TestDatabase = { db: Database; url: string | undefined; drop(): Promise<void> };

/**
 * A clean, migrated database for one test file: a fresh in-memory PGlite, or, when DATABASE_URL
 * is set, a fresh database on that PostgreSQL server (dropped afterwards). The same test runs on
 * both engines; CI runs the suite once each way.
 */
export async function createTestDatabase(migrations: MigrationSet[]): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openPglite("memory://");
    await migrate(db, migrations);
    return { db, url: undefined, drop: () => db.close() };
  }
  const server = await createServerDatabase(serverUrl);
  const db = await openPostgres(server.url, 8, () => undefined);
  await migrate(db, migrations);
  return {
    db,
    url: server.url,
    async drop() {
      await db.close();
      await server.drop();
    },
  };
}

/** A new, empty database on the server at `serverUrl`: its URL, and how to drop it. */
export async function createServerDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `crossdock_test_${newId("db")
    .slice(3)
    .replace(/[^a-z0-9]/g, "")}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`) };
}

/** Runs one statement on the server outside any test database (create or drop one). */
async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export const usingServer = (): boolean => Boolean(process.env.DATABASE_URL);
