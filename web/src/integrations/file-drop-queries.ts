import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../api/client.ts";
import { FileDrop, type FileDropUpdate, FileImport } from "../contract.ts";

/** A file drop's settings and health (its id is its source's). */
export const fileDropQuery = (id: string) =>
  queryOptions({
    queryKey: ["ingest", "file-drops", id],
    queryFn: ({ signal }) => api("GET", `/api/v1/ingest/file-drops/${encodeURIComponent(id)}`, { schema: FileDrop, signal }),
    refetchInterval: 10_000,
  });

/** A drop's latest file imports, newest first; read again while on screen (files arrive). */
export const fileImportsQuery = (dropId: string) =>
  queryOptions({
    queryKey: ["ingest", "file-drops", dropId, "imports"],
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/ingest/file-imports", {
        query: { drop: dropId, limit: "10" },
        schema: z.object({ data: z.array(FileImport), next_cursor: z.string().nullable() }),
        signal,
      }),
    refetchInterval: 5_000,
  });

/** Changes a drop's settings; answers with the drop as changed. */
export const updateFileDrop = (id: string, update: FileDropUpdate) =>
  api("PATCH", `/api/v1/ingest/file-drops/${encodeURIComponent(id)}`, { json: update, schema: FileDrop });
