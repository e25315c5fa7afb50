import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../ids.ts";
import { createServerDatabase, usingServer } from "../testing/test-database.ts";
import { openPostgres } from "./postgres.ts";

// Roles belong to a server; PGlite runs as its superuser, so there is nothing to check there.
describe.skipIf(!usingServer())(
  "opening a PostgreSQL server (server only: PGlite runs as its superuser, with no roles to check)",
  () => {
    const role = `crossdock_test_${newId("r").slice(2)}`;
    let database: { url: string; drop(): Promise<void> };
    const admin = (statement: string) => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      return client
        .connect()
        .then(() => client.query(statement))
        .finally(() => client.end());
    };
    beforeAll(async () => {
      database = await createServerDatabase(process.env.DATABASE_URL as string);
      await admin(`create role ${role} login nobypassrls`);
    });
    afterAll(async () => {
      await database.drop();
      await admin(`drop role if exists ${role}`);
    });

    it("refuses a login role that row-level security would confine, and says how to fix it", async () => {
      const url = new URL(database.url);
      url.username = role;
      await expect(openPostgres(url.toString(), 2, () => undefined)).rejects.toThrow(
        new RegExp(`The database user ${role} must be a superuser or have BYPASSRLS: run "alter role ${role} bypassrls"`),
      );
    });

    it("opens with a login role that bypasses it", async () => {
      await admin(`alter role ${role} bypassrls`);
      const url = new URL(database.url);
      url.username = role;
      const db = await openPostgres(url.toString(), 2, () => undefined);
      expect(db.kind).toBe("postgres");
      await db.close();
    });
  },
);
