import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { readAsTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { type Action, ActionListQuery, type ActionPage } from "../contract/index.ts";
import { ActionNotFoundError } from "../errors.ts";
import { invalidInput } from "../validation.ts";
import { ACTION_COLUMNS, type ActionRow, toAction } from "./action-rows.ts";

export type ActionListInput = Partial<Record<keyof ActionListQuery, unknown>>;

const encodeCursor = (id: string) => Buffer.from(id, "utf8").toString("base64url");

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^act_[0-9a-z]{26}$/.test(id)) {
    throw new AppError("bad_request", "The cursor is not one this API issued; start again without one", {
      details: [{ path: "cursor", message: "not a cursor from this list" }],
    });
  }
  return id;
}

/** Newest first, filtered by status, kind, run, cause and time; one page at a time (keyset on the id). */
export async function listActions(db: Database, tenantId: string, input: ActionListInput): Promise<ActionPage> {
  const parsed = ActionListQuery.safeParse(input);
  if (!parsed.success) throw invalidInput("query", parsed.error);
  const query = parsed.data;
  const filters: SQL[] = [sql`tenant_id = ${tenantId}`];
  if (query.status) filters.push(sql`status = ${query.status}`);
  if (query.kind) filters.push(sql`kind = ${query.kind}`);
  if (query.run_id) filters.push(sql`run_id = ${query.run_id}`);
  if (query.cause_type) filters.push(sql`cause_type = ${query.cause_type}`);
  if (query.cause_id) filters.push(sql`cause_id = ${query.cause_id}`);
  if (query.since) filters.push(sql`created_at >= ${query.since}::timestamptz`);
  if (query.cursor) filters.push(sql`id < ${decodeCursor(query.cursor)}`);
  const found = await readAsTenant<ActionRow>(
    db,
    tenantId,
    sql`select ${ACTION_COLUMNS} from actions.actions where ${sql.join(filters, sql` and `)}
         order by id desc limit ${query.limit + 1}`,
  );
  const page = found.slice(0, query.limit).map(toAction);
  const last = page.at(-1);
  return { data: page, next_cursor: found.length > query.limit && last ? encodeCursor(last.id) : null };
}

export async function getAction(db: Database, tenantId: string, id: string): Promise<Action> {
  const [row] = await readAsTenant<ActionRow>(
    db,
    tenantId,
    sql`select ${ACTION_COLUMNS} from actions.actions where tenant_id = ${tenantId} and id = ${id}`,
  );
  if (!row) throw new ActionNotFoundError(id);
  return toAction(row);
}
