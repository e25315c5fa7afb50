import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../api/client.ts";
import {
  DocumentDetail,
  DocumentStats,
  type DocumentStatus,
  DocumentSummary,
  PageWords,
  Received,
  type ReviewInput,
  StoredFile,
} from "../contract.ts";
import type { DocumentKind } from "./document-labels.ts";

/** A documents list's filters, as its URL keeps them. */
export type DocumentsSearch = { kind?: DocumentKind; sender?: string };

/** A list shows at most this many documents or files (the API's largest page). */
export const DOCUMENTS_SHOWN = 200;

const documentList = z.object({ data: z.array(DocumentSummary) });

/** Documents by status (the review queue is `review`, oldest first; without a status, all, newest first). */
export const documentsQuery = (status: DocumentStatus | undefined, search: DocumentsSearch) =>
  queryOptions({
    queryKey: ["documents", "list", status ?? "all", search],
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/documents", {
        query: { status, kind: search.kind, sender: search.sender, limit: DOCUMENTS_SHOWN },
        schema: documentList,
        signal,
      }),
    placeholderData: keepPreviousData,
    // Files are read in the background: what an upload brings arrives a moment later.
    refetchInterval: 3_000,
  });

/** The whole review queue, oldest first: where the review page goes next. */
export const reviewQueueQuery = documentsQuery("review", {});

export const documentQuery = (id: string) =>
  queryOptions({
    queryKey: ["documents", "one", id],
    queryFn: ({ signal }) => api("GET", `/api/v1/documents/${encodeURIComponent(id)}`, { schema: DocumentDetail, signal }),
  });

export const pageWordsQuery = (id: string, page: number) =>
  queryOptions({
    queryKey: ["documents", "one", id, "words", page],
    queryFn: ({ signal }) =>
      api("GET", `/api/v1/documents/${encodeURIComponent(id)}/pages/${page}/words`, { schema: PageWords, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const filesQuery = (status: "quarantined" | undefined) =>
  queryOptions({
    queryKey: ["documents", "files", status ?? "all"],
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/documents/files", {
        query: { status, limit: DOCUMENTS_SHOWN },
        schema: z.object({ data: z.array(StoredFile) }),
        signal,
      }),
    placeholderData: keepPreviousData,
    // A retried file is read again in the background: watch it until it is.
    refetchInterval: (query) =>
      query.state.data?.data.some((file) => file.status === "pending" || file.status === "reading") ? 1_000 : 5_000,
  });

export type StatsBy = "kind" | "sender";

export const statsQuery = (by: StatsBy) =>
  queryOptions({
    queryKey: ["documents", "stats", by],
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/documents/stats", {
        query: { by },
        schema: z.object({ data: z.array(DocumentStats) }),
        signal,
      }),
  });

export const reviewDocument = (id: string, input: ReviewInput) =>
  api("POST", `/api/v1/documents/${encodeURIComponent(id)}/review`, { json: input, schema: DocumentDetail });

export const retryFile = (id: string) =>
  api("POST", `/api/v1/documents/files/${encodeURIComponent(id)}/retry`, { schema: StoredFile });

/** Sends a file in as the `file` field of a form: the stored file, or the earlier one of the same bytes (`duplicate`). */
export function uploadFile(file: File): Promise<Received> {
  const form = new FormData();
  form.append("file", file, file.name);
  return api("POST", "/api/v1/documents/files", { query: { name: file.name }, form, schema: Received });
}
