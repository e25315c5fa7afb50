import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../api/client.ts";
import { RecordHistoryEntry, RecordsSummary, type RecordType } from "../contract.ts";

export const recordsSummaryQuery = queryOptions({
  queryKey: ["records", "summary"],
  queryFn: ({ signal }) => api("GET", "/api/v1/records", { schema: RecordsSummary, signal }),
  staleTime: 30_000,
});

export type RecordRow = Record<string, unknown> & { id: string; version: number; updated_at: string };

const RecordPageSchema = z.object({
  data: z.array(z.looseObject({ id: z.string(), version: z.number(), updated_at: z.string() })),
  next_cursor: z.string().nullable(),
  total: z.number().int().optional(),
});

/** One page of a record list: the filters and sort from the URL, a cursor for the page. */
export const recordPageQuery = (type: RecordType, params: Record<string, string>) =>
  queryOptions({
    queryKey: ["records", type.name, "list", params],
    queryFn: ({ signal }) =>
      api("GET", `/api/v1/records/${type.path}`, { query: { ...params, total: "true" }, schema: RecordPageSchema, signal }),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });

export const recordQuery = (type: RecordType, id: string) =>
  queryOptions({
    queryKey: ["records", type.name, "get", id],
    queryFn: ({ signal }) =>
      api("GET", `/api/v1/records/${type.path}/${encodeURIComponent(id)}`, { signal }) as Promise<RecordRow>,
  });

export const recordByExternalIdQuery = (type: RecordType, sourceSystem: string, externalId: string) =>
  queryOptions({
    queryKey: ["records", type.name, "by-external-id", sourceSystem, externalId],
    queryFn: ({ signal }) =>
      api(
        "GET",
        `/api/v1/records/${type.path}/by-external-id/${encodeURIComponent(sourceSystem)}/${encodeURIComponent(externalId)}`,
        { signal },
      ) as Promise<RecordRow>,
  });

export const recordHistoryQuery = (type: RecordType, id: string) =>
  queryOptions({
    queryKey: ["records", type.name, "history", id],
    queryFn: async ({ signal }) =>
      (
        await api("GET", `/api/v1/records/${type.path}/${encodeURIComponent(id)}/history`, {
          schema: z.object({ data: z.array(RecordHistoryEntry) }),
          signal,
        })
      ).data,
  });
