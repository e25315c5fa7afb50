import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../api/client.ts";
import { AuditEntry, AuditFacets, ChainReport } from "../contract.ts";

const AuditPage = z.object({ data: z.array(AuditEntry), next_before_seq: z.number().nullable() });

/** One page of the trail, newest first, with the filters of AuditQuery as URL strings. */
export const auditPageQuery = (params: Record<string, string>) =>
  queryOptions({
    queryKey: ["audit", "page", params],
    queryFn: ({ signal }) => api("GET", "/api/v1/audit", { query: params, schema: AuditPage, signal }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

export const auditFacetsQuery = queryOptions({
  queryKey: ["audit", "facets"],
  queryFn: ({ signal }) => api("GET", "/api/v1/audit/facets", { schema: AuditFacets, signal }),
  staleTime: 60_000,
});

export const verifyChain = () => api("POST", "/api/v1/audit/verify", { schema: ChainReport });
