import { sql } from "drizzle-orm";
import type { Actor } from "../../platform/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { rows, withSystem, withTenant } from "../../platform/db/tenant-scope.ts";
import { appendEvents } from "../../platform/events/event-log.ts";
import { newId } from "../../platform/ids.ts";
import { appendAudit } from "../governance/index.ts";
import type { CreatePartnerInput, CreateTenantInput, Partner, Tenant } from "./contract/index.ts";
import { isUniqueViolation, partnerNotFound, slugTaken, tenantNotFound } from "./errors.ts";
import { iso } from "./rows.ts";

type TenantRow = Omit<Tenant, "created_at" | "updated_at"> & { created_at: string; updated_at: string };

const toTenant = (row: TenantRow): Tenant => ({ ...row, created_at: iso(row.created_at), updated_at: iso(row.updated_at) });

export async function createPartner(db: Database, input: CreatePartnerInput): Promise<Partner> {
  const id = newId("ptn");
  try {
    const [row] = await rows<Partner>(
      db.orm,
      sql`insert into tenancy.partners (id, name, slug) values (${id}, ${input.name}, ${input.slug}) returning id, name, slug, created_at`,
    );
    return { ...(row as Partner), created_at: iso(row?.created_at) };
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(input.slug);
    throw error;
  }
}

type PartnerRow = Omit<Partner, "created_at"> & { created_at: string };

/** Finds a partner by id or slug. */
export async function findPartner(db: Database, ref: string): Promise<Partner> {
  const [row] = await rows<PartnerRow>(
    db.orm,
    sql`select id, name, slug, created_at from tenancy.partners where id = ${ref} or slug = ${ref}`,
  );
  if (!row) throw partnerNotFound(ref);
  return { ...row, created_at: iso(row.created_at) };
}

export async function listPartners(db: Database): Promise<Partner[]> {
  const found = await rows<PartnerRow>(
    db.orm,
    sql`select id, name, slug, created_at from tenancy.partners order by created_at, id`,
  );
  return found.map((row) => ({ ...row, created_at: iso(row.created_at) }));
}

/** Creates the tenant and opens its audit trail with the creation itself. `partner_id` may be a partner's id or slug. */
export async function createTenant(db: Database, actor: Actor, input: CreateTenantInput, requestId?: string): Promise<Tenant> {
  const id = newId("ten");
  const partnerId = input.partner_id === undefined ? null : (await findPartner(db, input.partner_id)).id;
  try {
    await withSystem(db, (tx) =>
      tx.execute(
        sql`insert into tenancy.tenants (id, partner_id, name, slug) values (${id}, ${partnerId}, ${input.name}, ${input.slug})`,
      ),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(input.slug);
    throw error;
  }
  return withTenant(db, id, async (tx) => {
    const [row] = await rows<TenantRow>(
      tx,
      sql`select id, partner_id, name, slug, status, created_at, updated_at from tenancy.tenants where id = ${id}`,
    );
    const tenant = toTenant(row as TenantRow);
    await appendAudit(tx, {
      tenantId: id,
      actor,
      action: "tenant.created",
      resourceType: "tenant",
      resourceId: id,
      requestId,
      data: { after: tenant },
    });
    await appendEvents(tx, [
      {
        tenantId: id,
        type: "tenant.created",
        subjectType: "tenant",
        subjectId: id,
        payload: tenant,
        actor: `${actor.type}:${actor.id}`,
        requestId,
      },
    ]);
    return tenant;
  });
}

/** Finds a tenant by id or slug, across tenants (for sign-in and operator commands). */
export async function findTenant(db: Database, ref: string): Promise<Tenant> {
  const [row] = await rows<TenantRow>(
    db.orm,
    sql`select id, partner_id, name, slug, status, created_at, updated_at from tenancy.tenants where id = ${ref} or slug = ${ref}`,
  );
  if (!row) throw tenantNotFound(ref);
  return toTenant(row);
}

export async function listTenants(db: Database, filter: { partnerId?: string | undefined } = {}): Promise<Tenant[]> {
  const found = await rows<TenantRow>(
    db.orm,
    sql`select id, partner_id, name, slug, status, created_at, updated_at from tenancy.tenants
         where ${filter.partnerId ?? null}::text is null or partner_id = ${filter.partnerId ?? null}
         order by created_at, id`,
  );
  return found.map(toTenant);
}
