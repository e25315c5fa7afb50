import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { rows, textArray, withTenant } from "../../platform/db/tenant-scope.ts";
import { AppError } from "../../platform/errors.ts";
import type { PeoplePage, PeopleQuery, Person } from "./contract/index.ts";

/** Where a page ended: the last person's name and id (the listing is by name, then id). */
type After = { name: string; id: string };

const encodeCursor = (after: After) => Buffer.from(JSON.stringify([after.name, after.id]), "utf8").toString("base64url");

function decodeCursor(cursor: string): After {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof name === "string" && typeof id === "string") return { name, id };
  } catch {
    // not one of ours: said below
  }
  throw new AppError("bad_request", "The cursor is not one this API issued; start again without one", {
    details: [{ path: "cursor", message: "not a cursor from this list" }],
  });
}

/**
 * The tenant's active users, by name, for anyone who works tasks to pick a colleague from: only
 * who they are and their roles, nothing of their sign-ins, sessions or status history. A page at
 * a time (keyset on the name, then the id); `id` looks up given people, e.g. to name them.
 */
export async function listPeople(db: Database, tenantId: string, query: PeopleQuery): Promise<PeoplePage> {
  const where: SQL[] = [sql`status = 'active'`];
  if (query.q) {
    const prefix = query.q.toLowerCase();
    where.push(sql`(starts_with(lower(name), ${prefix}) or strpos(lower(name), ${` ${prefix}`}) > 0
                    or starts_with(lower(email), ${prefix}))`);
  }
  if (query.role) where.push(sql`${query.role} = any(roles)`);
  if (query.id !== undefined) {
    const ids = query.id
      .split(",")
      .map((id) => id.trim())
      .filter(Boolean);
    where.push(sql`id = any(${textArray(ids)})`);
  }
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    where.push(sql`(lower(name), name, id) > (lower(${after.name}::text), ${after.name}::text, ${after.id}::text)`);
  }
  const found = await withTenant(db, tenantId, (tx) =>
    rows<Person>(
      tx,
      sql`select id, name, email, roles from tenancy.users where ${sql.join(where, sql` and `)}
           order by lower(name), name, id limit ${query.limit + 1}`,
    ),
  );
  const page = found.slice(0, query.limit).map((row) => ({ id: row.id, name: row.name, email: row.email, roles: row.roles }));
  const last = page.at(-1);
  return { data: page, next_cursor: found.length > query.limit && last ? encodeCursor(last) : null };
}
