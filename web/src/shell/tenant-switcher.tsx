import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { setActingTenant } from "../api/acting-tenant.ts";
import { api } from "../api/client.ts";
import { Tenant } from "../contract.ts";
import { useMe } from "../session/me.ts";

const PartnerTenants = z.object({ data: z.array(Tenant) });

/**
 * For partner admins: the tenants of their partner, and the one the console acts in. Switching
 * reloads the console in the other tenant.
 */
export function TenantSwitcher() {
  const me = useMe();
  const isPartnerAdmin = me.scopes.includes("partner:admin") && me.partner !== null;
  const tenants = useQuery({
    queryKey: ["partner-tenants"],
    queryFn: ({ signal }) => api("GET", "/api/v1/partner/tenants", { schema: PartnerTenants, signal }),
    enabled: isPartnerAdmin,
    staleTime: 60_000,
  });
  const acting = me.acting_tenant ?? me.tenant;
  if (!isPartnerAdmin || !tenants.data) {
    return (
      <span className="topbar__tenant" data-testid="acting-tenant">
        {acting?.name}
      </span>
    );
  }
  return (
    <label className="topbar__switcher">
      <span className="visually-hidden">Tenant</span>
      <select
        data-testid="tenant-switcher"
        value={acting?.slug ?? ""}
        onChange={(event) => {
          const slug = event.target.value;
          setActingTenant(slug === me.tenant?.slug ? null : slug);
          // Everything on screen and in the cache belonged to the tenant left behind: start afresh.
          window.location.assign("/");
        }}
      >
        {tenants.data.data.map((tenant) => (
          <option key={tenant.id} value={tenant.slug}>
            {tenant.name}
            {tenant.status === "suspended" ? " (suspended)" : ""}
          </option>
        ))}
      </select>
      <span className="topbar__partner">{me.partner?.name}</span>
    </label>
  );
}
