import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../api/client.ts";
import { ApiKey, Branding, RoleInfo, TenantBranding, User } from "../contract.ts";

export const usersQuery = queryOptions({
  queryKey: ["users"],
  queryFn: ({ signal }) => api("GET", "/api/v1/users", { schema: z.object({ data: z.array(User) }), signal }),
});

export const rolesQuery = queryOptions({
  queryKey: ["roles"],
  queryFn: ({ signal }) => api("GET", "/api/v1/roles", { schema: z.object({ data: z.array(RoleInfo) }), signal }),
  staleTime: 10 * 60_000,
});

export const apiKeysQuery = queryOptions({
  queryKey: ["api-keys"],
  queryFn: ({ signal }) => api("GET", "/api/v1/api-keys", { schema: z.object({ data: z.array(ApiKey) }), signal }),
});

export const tenantBrandingQuery = queryOptions({
  queryKey: ["tenant-branding"],
  queryFn: ({ signal }) => api("GET", "/api/v1/tenant/branding", { schema: TenantBranding, signal }),
});

export const partnerBrandingQuery = queryOptions({
  queryKey: ["partner-branding"],
  queryFn: ({ signal }) => api("GET", "/api/v1/partner/branding", { schema: Branding, signal }),
});
