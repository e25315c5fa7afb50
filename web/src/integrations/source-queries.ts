import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../api/client.ts";
import {
  FileDrop,
  type FileDropInput,
  type MappingTrial,
  MappingTrialResult,
  Source,
  type SourceInput,
  type SourceUpdate,
  SourceWithSecret,
} from "../contract.ts";

/** A ready mapping a source can name, with a payload it maps cleanly (GET /api/v1/ingest/mappings). */
export const ReadyMapping = z.object({ name: z.string(), title: z.string(), description: z.string(), example: z.unknown() });
export type ReadyMapping = z.infer<typeof ReadyMapping>;

const sourcePath = (id: string) => `/api/v1/ingest/sources/${encodeURIComponent(id)}`;

/** Sources with their health, which moves as payloads arrive: read again every few seconds while on screen. */
export const sourcesQuery = queryOptions({
  queryKey: ["ingest", "sources"],
  queryFn: ({ signal }) => api("GET", "/api/v1/ingest/sources", { schema: z.object({ data: z.array(Source) }), signal }),
  refetchInterval: 10_000,
});

export const sourceQuery = (id: string) =>
  queryOptions({
    queryKey: ["ingest", "sources", id],
    queryFn: ({ signal }) => api("GET", sourcePath(id), { schema: Source, signal }),
    refetchInterval: 5_000,
  });

export const readyMappingsQuery = queryOptions({
  queryKey: ["ingest", "mappings"],
  queryFn: ({ signal }) => api("GET", "/api/v1/ingest/mappings", { schema: z.object({ data: z.array(ReadyMapping) }), signal }),
  staleTime: 10 * 60_000,
});

export const createSource = (input: SourceInput) =>
  api("POST", "/api/v1/ingest/sources", { json: input, schema: SourceWithSecret });

/** Adds a file drop; answers with its source (a drop's id is its source's), as the sources list shows it. */
export async function createFileDrop(input: FileDropInput): Promise<Source> {
  const drop = await api("POST", "/api/v1/ingest/file-drops", { json: input, schema: FileDrop });
  return api("GET", sourcePath(drop.id), { schema: Source });
}

export const updateSource = (id: string, update: SourceUpdate) => api("PATCH", sourcePath(id), { json: update, schema: Source });

export const rotateSourceSecret = (id: string) => api("POST", `${sourcePath(id)}/secret`, { schema: SourceWithSecret });

/** What a payload maps to under a mapping, or a source's; nothing is written. */
export const tryMapping = (trial: MappingTrial) =>
  api("POST", "/api/v1/ingest/mappings/trial", { json: trial, schema: MappingTrialResult });
