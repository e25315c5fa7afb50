import { sql } from "drizzle-orm";
import type { Actor, WriteContext } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { readAsTenant, rows, withSystem, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { newId } from "../../../platform/ids.ts";
import { appendAudit } from "../../governance/index.ts";
import type { PolicyData, PolicySource } from "../contract/index.ts";

/** A saved version of a tenant's or a partner's policy set, as stored. */
export type StoredPolicySet = {
  id: string;
  source: Exclude<PolicySource, "default">;
  version: number;
  text: string;
  data: unknown;
  summary: string;
  created_at: string;
  created_by: { type: string; id: string; label: string | null };
};

type Ref = { id: string; version: number };

/** Which saved sets could be in force for a tenant: its own latest, its partner's latest; and whether it is suspended. */
export type InForceRefs = { suspended: boolean; partnerId: string | null; own: Ref | null; partner: Ref | null };

const COLUMNS = sql.raw("id, version, text, data, summary, created_at, created_by_type, created_by_id, created_by_label");

type Row = {
  id: string;
  version: number;
  text: string;
  data: unknown;
  summary: string;
  created_at: string;
  created_by_type: string;
  created_by_id: string;
  created_by_label: string | null;
};

const toStored = (row: Row, source: StoredPolicySet["source"]): StoredPolicySet => ({
  id: row.id,
  source,
  version: Number(row.version),
  text: row.text,
  data: typeof row.data === "string" ? JSON.parse(row.data) : row.data,
  summary: row.summary,
  created_at: new Date(row.created_at).toISOString(),
  created_by: { type: row.created_by_type, id: row.created_by_id, label: row.created_by_label },
});

const ref = (value: unknown): Ref | null => {
  const parsed = (typeof value === "string" ? JSON.parse(value) : value) as { id: string; version: number } | null;
  return parsed ? { id: parsed.id, version: Number(parsed.version) } : null;
};

/**
 * One round trip, as the tenant (row-level security applies): the tenant's status and partner, and
 * the ids of the latest own and partner versions. The tenant's row is tenancy's; only its status
 * and partner are read, to choose the policies and refuse writes for a suspended tenant.
 */
export async function findInForce(db: Database, tenantId: string): Promise<InForceRefs> {
  const [row] = await readAsTenant<{ status: string; partner_id: string | null; own: unknown; partner: unknown }>(
    db,
    tenantId,
    sql`select t.status, t.partner_id,
          (select case when p.inherits then null else jsonb_build_object('id', p.id, 'version', p.version) end
             from actions.policy_sets p where p.tenant_id = t.id order by p.version desc limit 1) as own,
          (select jsonb_build_object('id', p.id, 'version', p.version) from actions.partner_policy_sets p
            where p.partner_id = t.partner_id order by p.version desc limit 1) as partner
        from tenancy.tenants t where t.id = ${tenantId}`,
    { name: "actions.policies_in_force" },
  );
  if (!row) throw new AppError("not_found", `Tenant ${tenantId} was not found`);
  return { suspended: row.status !== "active", partnerId: row.partner_id, own: ref(row.own), partner: ref(row.partner) };
}

/** A saved version by its id, read as the tenant (a partner's sets are readable by that partner's tenants only). */
export async function readStoredSet(db: Database, tenantId: string, id: string, source: StoredPolicySet["source"]) {
  const table = source === "tenant" ? sql.raw("actions.policy_sets") : sql.raw("actions.partner_policy_sets");
  const [row] = await readAsTenant<Row>(db, tenantId, sql`select ${COLUMNS} from ${table} where id = ${id}`);
  if (!row) throw new AppError("not_found", `Policy set ${id} was not found`);
  return toStored(row, source);
}

export async function readTenantVersion(db: Database, tenantId: string, version: number): Promise<StoredPolicySet> {
  const [row] = await readAsTenant<Row & { inherits: boolean }>(
    db,
    tenantId,
    sql`select ${COLUMNS}, inherits from actions.policy_sets where tenant_id = ${tenantId} and version = ${version}`,
  );
  if (!row) throw new AppError("not_found", `This tenant has no policy version ${version}`);
  if (row.inherits) {
    throw new AppError(
      "not_found",
      `Policy version ${version} is where this tenant went back to its partner's or Crossdock's defaults: it has no policies of its own`,
    );
  }
  return toStored(row, "tenant");
}

/** A version in a list: who saved it and what it changed, without its text or data. */
export type StoredVersion = Omit<StoredPolicySet, "text" | "data" | "source"> & { source: "tenant" | "partner" | "inherited" };

const VERSION_COLUMNS = sql.raw("id, version, summary, created_at, created_by_type, created_by_id, created_by_label");

const toVersion = (row: Omit<Row, "text" | "data">, source: StoredVersion["source"]): StoredVersion => ({
  id: row.id,
  source,
  version: Number(row.version),
  summary: row.summary,
  created_at: new Date(row.created_at).toISOString(),
  created_by: { type: row.created_by_type, id: row.created_by_id, label: row.created_by_label },
});

/** Every version of the tenant's own set, newest first; a return to inheriting is one (`source: "inherited"`). */
export async function listTenantVersions(db: Database, tenantId: string): Promise<StoredVersion[]> {
  const found = await readAsTenant<Omit<Row, "text" | "data"> & { inherits: boolean }>(
    db,
    tenantId,
    sql`select ${VERSION_COLUMNS}, inherits from actions.policy_sets where tenant_id = ${tenantId} order by version desc`,
  );
  return found.map((row) => toVersion(row, row.inherits ? "inherited" : "tenant"));
}

/** Every version of the partner's default set, newest first. */
export async function listPartnerVersions(db: Database, partnerId: string): Promise<StoredVersion[]> {
  const found = await rows<Omit<Row, "text" | "data">>(
    db.orm,
    sql`select ${VERSION_COLUMNS} from actions.partner_policy_sets where partner_id = ${partnerId} order by version desc`,
  );
  return found.map((row) => toVersion(row, "partner"));
}

export async function latestPartnerSet(db: Database, partnerId: string): Promise<StoredPolicySet | null> {
  const [row] = await rows<Row>(
    db.orm,
    sql`select ${COLUMNS} from actions.partner_policy_sets where partner_id = ${partnerId} order by version desc limit 1`,
  );
  return row ? toStored(row, "partner") : null;
}

/** The PostgreSQL unique_violation, whichever driver wrapped it. */
function isUniqueViolation(error: unknown): boolean {
  for (
    let current = error as { code?: string; cause?: unknown } | undefined;
    current;
    current = current.cause as typeof current
  ) {
    if (current.code === "23505") return true;
  }
  return false;
}

const concurrentSave = (cause: unknown) =>
  new AppError("conflict", "The policies were saved by someone else at the same moment; reload them and save again", { cause });

export type NewPolicySet = { text: string; data: PolicyData; summary: string; audit: Record<string, unknown> };

/** Saves the tenant's next version and audits `policy.updated`, in one transaction. */
export async function insertTenantSet(db: Database, ctx: WriteContext, input: NewPolicySet): Promise<StoredPolicySet> {
  const id = newId("pol");
  try {
    return await withTenant(db, ctx.tenantId, async (tx) => {
      const [row] = await rows<Row>(
        tx,
        sql`insert into actions.policy_sets (tenant_id, id, version, text, data, summary, created_by_type, created_by_id, created_by_label)
            select ${ctx.tenantId}, ${id}, coalesce(max(version), 0) + 1, ${input.text}, ${JSON.stringify(input.data)}::jsonb,
                   ${input.summary}, ${ctx.actor.type}, ${ctx.actor.id}, ${ctx.actor.label ?? null}
              from actions.policy_sets where tenant_id = ${ctx.tenantId}
            returning ${COLUMNS}`,
      );
      if (!row) throw new Error("policy set insert returned nothing");
      const stored = toStored(row, "tenant");
      await appendAudit(tx, {
        ...ctx,
        action: "policy.updated",
        resourceType: "policy_set",
        resourceId: id,
        data: { scope: "tenant", version: stored.version, summary: input.summary, ...input.audit },
      });
      return stored;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? concurrentSave(error) : error;
  }
}

type Inheriting = { reason: string; summary: string; audit: Record<string, unknown> };

/**
 * Records that the tenant stops using its own set and inherits again (its partner's defaults, else
 * Crossdock's): a new version with no text or data, audited `policy.inherited` with the reason, in
 * one transaction. `expected` is the own version in force when the caller looked; if another save
 * or revert came in between, the insert's version collides or the check below refuses it.
 */
export async function insertInheritedVersion(
  db: Database,
  ctx: WriteContext,
  expected: { id: string; version: number },
  input: Inheriting,
): Promise<StoredVersion> {
  const id = newId("pol");
  try {
    return await withTenant(db, ctx.tenantId, async (tx) => {
      const [row] = await rows<Omit<Row, "text" | "data">>(
        tx,
        sql`insert into actions.policy_sets (tenant_id, id, version, inherits, text, data, summary, created_by_type, created_by_id, created_by_label)
            select ${ctx.tenantId}, ${id}, p.version + 1, true, null, null,
                   ${input.summary}, ${ctx.actor.type}, ${ctx.actor.id}, ${ctx.actor.label ?? null}
              from actions.policy_sets p
             where p.tenant_id = ${ctx.tenantId} and p.id = ${expected.id} and not p.inherits
               and p.version = (select max(version) from actions.policy_sets where tenant_id = ${ctx.tenantId})
            returning ${VERSION_COLUMNS}`,
      );
      if (!row) throw concurrentSave(undefined);
      const stored = toVersion(row, "inherited");
      await appendAudit(tx, {
        ...ctx,
        action: "policy.inherited",
        resourceType: "policy_set",
        resourceId: id,
        data: { scope: "tenant", version: stored.version, reason: input.reason, summary: input.summary, ...input.audit },
      });
      return stored;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? concurrentSave(error) : error;
  }
}

/**
 * Saves the partner's next version. It changes what every tenant of the partner without policies
 * of its own decides with, so each of their trails records it (`applies` says whether it does, now).
 */
export async function insertPartnerSet(
  db: Database,
  ctx: { actor: Actor; requestId?: string | undefined },
  partnerId: string,
  input: NewPolicySet,
): Promise<StoredPolicySet> {
  const id = newId("pol");
  try {
    return await withSystem(db, async (tx) => {
      const [row] = await rows<Row>(
        tx,
        sql`insert into actions.partner_policy_sets (partner_id, id, version, text, data, summary, created_by_type, created_by_id, created_by_label)
            select ${partnerId}, ${id}, coalesce(max(version), 0) + 1, ${input.text}, ${JSON.stringify(input.data)}::jsonb,
                   ${input.summary}, ${ctx.actor.type}, ${ctx.actor.id}, ${ctx.actor.label ?? null}
              from actions.partner_policy_sets where partner_id = ${partnerId}
            returning ${COLUMNS}`,
      );
      if (!row) throw new Error("partner policy set insert returned nothing");
      const stored = toStored(row, "partner");
      const tenants = await rows<{ id: string; has_own: boolean }>(
        tx,
        sql`select t.id, coalesce((select not p.inherits from actions.policy_sets p where p.tenant_id = t.id
                                    order by p.version desc limit 1), false) as has_own
              from tenancy.tenants t where t.partner_id = ${partnerId} order by t.id`,
      );
      for (const tenant of tenants) {
        await appendAudit(tx, {
          tenantId: tenant.id,
          actor: ctx.actor,
          requestId: ctx.requestId,
          action: "policy.updated",
          resourceType: "partner_policy_set",
          resourceId: id,
          data: {
            scope: "partner",
            partner_id: partnerId,
            version: stored.version,
            applies: !tenant.has_own,
            summary: input.summary,
            ...input.audit,
          },
        });
      }
      return stored;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? concurrentSave(error) : error;
  }
}
