import { sql } from "drizzle-orm";
import type { Database, Tx } from "./database.ts";

/** The PostgreSQL role tenant-scoped work runs as; row-level security applies to it. */
export const APP_ROLE = "crossdock_app";

/**
 * Runs `work` in a transaction that can see only `tenantId`'s rows. Isolation is enforced by
 * PostgreSQL's row-level security, not by filters in application code: the transaction switches
 * to a role without BYPASSRLS and sets the tenant the policies compare against.
 */
export async function withTenant<T>(db: Database, tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.orm.transaction(async (tx) => {
    await tx.execute(sql`select set_config('crossdock.tenant_id', ${tenantId}, true), set_config('role', ${APP_ROLE}, true)`);
    return work(tx);
  });
}

/** Platform-level work that spans tenants (sign-in lookups, dispatch, migrations). */
export async function withSystem<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.orm.transaction(work);
}

/** Rows of a raw query. */
export async function rows<T>(executor: Pick<Tx, "execute">, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await executor.execute(query);
  return result.rows as T[];
}

/** A text[] parameter: drizzle's template would spread a JS array into a list of values. */
export function textArray(values: readonly string[]) {
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}
