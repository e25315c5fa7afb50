import pg from "pg";
import { type Database, wrapPool } from "./database.ts";
import { TenantReadPool } from "./tenant-read-pool.ts";
import { typeParsers } from "./type-parsers.ts";

export async function openPostgres(databaseUrl: string, poolSize: number, onError: (error: Error) => void): Promise<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, types: typeParsers });
  pool.on("error", onError);
  // Fail at start, with the server's own words, rather than on the first request.
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("show server_version_num");
    const version = Number(rows[0]?.server_version_num ?? 0);
    if (version < 150000) throw new Error(`PostgreSQL 15 or newer is required; this server is ${version}`);
    // Tenant work switches to a role under row-level security; platform work (sign-in lookups, event
    // dispatch, migrations) runs as the login role across tenants, so that role must bypass it.
    const role = await client.query<{ name: string; bypasses: boolean }>(
      "select rolname as name, rolsuper or rolbypassrls as bypasses from pg_roles where rolname = current_user",
    );
    const login = role.rows[0];
    if (!login?.bypasses) {
      throw new Error(
        `The database user ${login?.name ?? "(unknown)"} must be a superuser or have BYPASSRLS: ` +
          `run "alter role ${login?.name ?? "<user>"} bypassrls" as a superuser. Tenant data stays isolated: ` +
          "tenant-scoped work runs as the role crossdock_app, which row-level security applies to.",
      );
    }
  } finally {
    client.release();
  }
  const url = new URL(databaseUrl);
  const description = `PostgreSQL server at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  const tenantReads = new TenantReadPool({
    connectionString: databaseUrl,
    max: Math.max(2, Math.ceil(poolSize / 2)),
    types: typeParsers,
  });
  tenantReads.on("error", onError);
  return wrapPool("postgres", pool, description, () => Promise.all([pool.end(), tenantReads.end()]).then(() => {}), tenantReads);
}
