import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import { APP_ROLE } from "./app-role.ts";
import type { Database, Tx } from "./database.ts";
import { TenantWriteGroups } from "./tenant-write-groups.ts";

export { APP_ROLE };

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

/**
 * A string as a PostgreSQL literal, escaped as node-postgres's escapeLiteral does (quotes doubled;
 * with a backslash, an E'' literal with backslashes doubled), which is right whatever
 * standard_conforming_strings says. Done with whole-string replaces: escapeLiteral builds its
 * result a character at a time, which for a payload of kilobytes costs more than sending it.
 */
export function escapeLiteral(value: string): string {
  const quoted = value.includes("'") ? value.replaceAll("'", "''") : value;
  return quoted.includes("\\") ? ` E'${quoted.replaceAll("\\", "\\\\")}'` : `'${quoted}'`;
}

class LiteralDialect extends PgDialect {
  override escapeString(value: string): string {
    return escapeLiteral(value);
  }
}
const literalDialect = new LiteralDialect();

/** A statement as text with its values inlined as escaped literals, for a simple-protocol message. */
export function inlinedText(statement: SQL): string {
  return literalDialect.sqlToQuery(statement.inlineParams()).sql;
}

/**
 * Runs one read-only statement as `tenantId`, under the same row-level security as withTenant,
 * in one round trip where withTenant takes four (BEGIN, settings, statement, COMMIT). On a
 * PostgreSQL server it runs on the tenant read pool (see tenant-read-pool.ts), prepared once per
 * connection when given a `name`, which must name one statement text. Otherwise (PGlite's single
 * connection, shared with everything else) the settings and the statement go as one simple-protocol
 * message, which PostgreSQL runs as one implicit transaction, so the settings end with it; values
 * are then inlined as escaped literals, as that protocol has no parameters.
 */
export async function readAsTenant<T>(
  db: Database,
  tenantId: string,
  statement: SQL,
  options: { name?: string } = {},
): Promise<T[]> {
  if (db.tenantReads) {
    const query = literalDialect.sqlToQuery(statement);
    return db.tenantReads.query<T>(tenantId, { text: query.sql, values: query.params, name: options.name });
  }
  const [result] = await writeAsTenant(db, tenantId, [statement]);
  return result?.rows as T[];
}

/**
 * Runs `statements` as `tenantId`, in order, in one transaction and one round trip: they go with
 * the tenant settings as one simple-protocol message, which PostgreSQL runs as one implicit
 * transaction (all or nothing; each statement sees what the ones before it wrote). Writes a tenant
 * makes while another is in flight share the next message (see tenant-write-groups.ts). For short writes
 * whose statements do not depend on values read in between: each round trip withTenant saves
 * matters most on PGlite, where every message costs as much as a small insert. Values are inlined
 * as escaped literals. Returns each statement's result.
 *
 * `flushedByNextCommit`: the commit does not wait for the disk. Only for writes that a commit
 * waiting for the disk always follows before anyone acts on them (a workflow's bookkeeping, which
 * DBOS's own commits follow): the log is written in order, so flushing that later commit flushes
 * this one too, and a crash before it loses both together, which the workflow's recovery redoes.
 */
export async function writeAsTenant(
  db: Database,
  tenantId: string,
  statements: SQL[],
  options: { flushedByNextCommit?: boolean } = {},
): Promise<pg.QueryResult[]> {
  const texts = statements.map(inlinedText);
  return writeGroupsOf(db).write(tenantId, texts, options.flushedByNextCommit ?? false);
}

const writeGroups = new WeakMap<Database, TenantWriteGroups>();

function writeGroupsOf(db: Database): TenantWriteGroups {
  let groups = writeGroups.get(db);
  if (!groups) {
    groups = new TenantWriteGroups(
      async (text) => (await db.pool.query(text)) as unknown as pg.QueryResult[],
      // SET LOCAL, not set_config: utility statements skip the planner, which PGlite makes dear.
      (tenantId, flushedByNextCommit) => [
        `set local crossdock.tenant_id = ${pg.escapeLiteral(tenantId)}`,
        `set local role ${APP_ROLE}`,
        ...(flushedByNextCommit ? ["set local synchronous_commit = off"] : []),
      ],
    );
    writeGroups.set(db, groups);
  }
  return groups;
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
