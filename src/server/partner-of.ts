import type { Tenancy } from "../modules/tenancy/index.ts";
import { AppError } from "../platform/errors.ts";
import type { AppContext } from "./context.ts";

/**
 * The partner a partner-admin request is about: the partner of the caller's home tenant. The
 * operator, who has no home tenant, names one of the partner's tenants with X-Crossdock-Tenant.
 */
export async function partnerOf(c: AppContext, tenancy: Tenancy): Promise<string> {
  const principal = c.get("principal");
  if (principal?.partnerId) return principal.partnerId;
  const acting = c.get("tenantId");
  const partnerId = principal?.kind === "operator" && acting ? (await tenancy.findTenant(acting)).partner_id : null;
  if (!partnerId) {
    throw new AppError(
      "not_found",
      principal?.kind === "operator"
        ? "Name one of the partner's tenants with X-Crossdock-Tenant; that tenant has no partner"
        : "This credential's tenant belongs to no partner",
    );
  }
  return partnerId;
}
