import { sql } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { rows, withTenant } from "../../platform/db/tenant-scope.ts";
import type { PeopleQuery, Person } from "./contract/index.ts";

/**
 * The tenant's active users, by name, for anyone who works tasks to pick a colleague from: only
 * who they are and their roles, nothing of their sign-ins, sessions or status history.
 */
export async function listPeople(db: Database, tenantId: string, query: PeopleQuery): Promise<Person[]> {
  const prefix = query.q?.toLowerCase() ?? null;
  const role = query.role ?? null;
  return withTenant(db, tenantId, async (tx) =>
    (
      await rows<Person>(
        tx,
        sql`select id, name, email, roles from tenancy.users
             where status = 'active'
               and (${prefix}::text is null or starts_with(lower(name), ${prefix}::text) or starts_with(lower(email), ${prefix}::text))
               and (${role}::text is null or ${role}::text = any(roles))
             order by lower(name), name, id
             limit ${query.limit}`,
      )
    ).map((row) => ({ id: row.id, name: row.name, email: row.email, roles: row.roles })),
  );
}
