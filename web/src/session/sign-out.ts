import type { QueryClient } from "@tanstack/react-query";
import { setActingTenant } from "../api/acting-tenant.ts";
import { api } from "../api/client.ts";

/** Ends the session on the server, forgets everything cached, and returns to the sign-in page. */
export async function signOut(queryClient: QueryClient, tenantSlug: string | undefined): Promise<void> {
  try {
    await api("DELETE", "/api/v1/auth/sessions/current");
  } finally {
    setActingTenant(null);
    queryClient.clear();
    const next = `/sign-in?reason=signed_out${tenantSlug ? `&tenant=${encodeURIComponent(tenantSlug)}` : ""}`;
    window.location.assign(next);
  }
}
