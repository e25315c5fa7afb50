import { queryOptions } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import { EffectiveBranding } from "../contract.ts";

/** The branding a tenant's people see (tenant over partner over defaults); public, so the sign-in page has it. */
export const brandingQuery = (tenant: string | null | undefined) =>
  queryOptions({
    queryKey: ["branding", tenant ?? null],
    queryFn: ({ signal }) => api("GET", "/api/v1/branding", { query: { tenant }, schema: EffectiveBranding, signal }),
    staleTime: 5 * 60_000,
  });
