import { sql } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { rows } from "../../platform/db/tenant-scope.ts";
import type { Me, Tenant, TenantRef } from "./contract/index.ts";
import type { Principal } from "./principal.ts";
import { findPartner, findTenant } from "./tenants.ts";

const ref = (tenant: Tenant): TenantRef => ({ id: tenant.id, name: tenant.name, slug: tenant.slug });

/** Who is calling, where it acts (its home tenant, or the one it switched to), and what it may do. */
export async function describeCaller(db: Database, principal: Principal, actingTenantId: string | undefined): Promise<Me> {
  const home = principal.tenantId ? await findTenant(db, principal.tenantId) : null;
  const acting = !actingTenantId ? null : actingTenantId === home?.id ? home : await findTenant(db, actingTenantId);
  const partner = principal.partnerId ? await findPartner(db, principal.partnerId) : null;
  const [user] =
    principal.kind === "session"
      ? await rows<{ id: string; email: string; name: string; roles: string[] }>(
          db.orm,
          sql`select id, email, name, roles from tenancy.users where id = ${principal.actor.id}`,
        )
      : [];
  return {
    kind: principal.kind,
    actor: principal.actor,
    tenant_id: principal.tenantId,
    tenant: home ? ref(home) : null,
    acting_tenant: acting ? ref(acting) : null,
    partner: partner ? { id: partner.id, name: partner.name, slug: partner.slug } : null,
    user: user ?? null,
    session_expires_at: principal.session?.expiresAt ?? null,
    scopes: [...principal.scopes],
  };
}
