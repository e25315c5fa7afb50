import { sql } from "drizzle-orm";
import type { WriteContext } from "../../platform/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { rows, withTenant } from "../../platform/db/tenant-scope.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { appendAudit } from "../governance/index.ts";
import type { CreateDelegationInput, Delegation } from "./contract/index.ts";
import type { Directory } from "./tasks/eligibility.ts";

const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());
const COLUMNS = sql.raw("id, user_id, delegate_user_id, starts_at, ends_at, created_by, created_at, revoked_at");
type Row = Omit<Delegation, "starts_at" | "ends_at" | "created_at" | "revoked_at"> &
  Record<"starts_at" | "ends_at" | "created_at" | "revoked_at", unknown>;
const toDelegation = (row: Row): Delegation => ({
  ...row,
  starts_at: iso(row.starts_at) as string,
  ends_at: iso(row.ends_at) as string,
  created_at: iso(row.created_at) as string,
  revoked_at: iso(row.revoked_at),
});

/** Someone away hands their tasks to a colleague for a while; their own, or anyone's with tasks:admin. */
export async function createDelegation(
  deps: { db: Database; directory: Directory },
  ctx: WriteContext & { userId: string | null; taskAdmin: boolean },
  input: CreateDelegationInput,
): Promise<Delegation> {
  const userId = input.user_id ?? ctx.userId;
  if (!userId)
    throw new AppError("validation_failed", "Name whose tasks are delegated", {
      details: [{ path: "user_id", message: "required" }],
    });
  if (userId !== ctx.userId && !ctx.taskAdmin)
    throw new AppError("forbidden", "Delegating someone else's tasks needs the scope tasks:admin");
  if (userId === input.delegate_user_id) {
    throw new AppError("validation_failed", "Nobody delegates to themself", {
      details: [{ path: "delegate_user_id", message: "same as user_id" }],
    });
  }
  const people = await deps.directory.users(ctx.tenantId);
  for (const [path, id] of [
    ["user_id", userId],
    ["delegate_user_id", input.delegate_user_id],
  ] as const) {
    if (!people.some((user) => user.id === id && user.status === "active")) {
      throw new AppError("validation_failed", `No active user ${id}`, { details: [{ path, message: "no such active user" }] });
    }
  }
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const [row] = await rows<Row>(
      tx,
      sql`insert into workflows.delegations (tenant_id, id, user_id, delegate_user_id, starts_at, ends_at, created_by)
          values (${ctx.tenantId}, ${newId("dlg")}, ${userId}, ${input.delegate_user_id}, ${input.starts_at}, ${input.ends_at}, ${`${ctx.actor.type}:${ctx.actor.id}`})
          returning ${COLUMNS}`,
    );
    const delegation = toDelegation(row as Row);
    await appendAudit(tx, {
      ...ctx,
      action: "delegation.created",
      resourceType: "delegation",
      resourceId: delegation.id,
      data: { after: delegation },
    });
    return delegation;
  });
}

export async function listDelegations(
  db: Database,
  tenantId: string,
  filter: { userId?: string | undefined },
): Promise<Delegation[]> {
  return withTenant(db, tenantId, async (tx) =>
    (
      await rows<Row>(
        tx,
        sql`select ${COLUMNS} from workflows.delegations
             where ${filter.userId ?? null}::text is null or user_id = ${filter.userId ?? null} or delegate_user_id = ${filter.userId ?? null}
             order by starts_at desc, id`,
      )
    ).map(toDelegation),
  );
}

export async function revokeDelegation(
  db: Database,
  ctx: WriteContext & { userId: string | null; taskAdmin: boolean },
  id: string,
): Promise<Delegation> {
  return withTenant(db, ctx.tenantId, async (tx) => {
    const [row] = await rows<Row>(tx, sql`select ${COLUMNS} from workflows.delegations where id = ${id} for update`);
    if (!row) throw new AppError("not_found", `Delegation ${id} was not found`);
    if (row.user_id !== ctx.userId && !ctx.taskAdmin)
      throw new AppError("forbidden", "Only its owner or a task administrator may revoke a delegation");
    const [revoked] = await rows<Row>(
      tx,
      sql`update workflows.delegations set revoked_at = coalesce(revoked_at, now()) where id = ${id} returning ${COLUMNS}`,
    );
    const delegation = toDelegation(revoked as Row);
    await appendAudit(tx, { ...ctx, action: "delegation.revoked", resourceType: "delegation", resourceId: id, data: {} });
    return delegation;
  });
}
