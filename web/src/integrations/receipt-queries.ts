import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../api/client.ts";
import { Receipt, ReceiptDetail, type ReceiptStatus } from "../contract.ts";

/** A receipts list's filters, as its URL keeps them. */
export type ReceiptsSearch = { source?: string; status?: ReceiptStatus; cursor?: string };

const RECEIPT_STATUSES: readonly string[] = ["received", "processed", "quarantined"];
export const isReceiptStatus = (value: unknown): value is ReceiptStatus =>
  typeof value === "string" && RECEIPT_STATUSES.includes(value);

export const receiptsQuery = (search: ReceiptsSearch) =>
  queryOptions({
    queryKey: ["ingest", "receipts", "list", search],
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/ingest/receipts", {
        query: { limit: 50, ...search },
        schema: z.object({ data: z.array(Receipt), next_cursor: z.string().nullable() }),
        signal,
      }),
    placeholderData: keepPreviousData,
    // Received payloads are processed within a second or two: watch them until they are.
    refetchInterval: (query) => (query.state.data?.data.some((receipt) => receipt.status === "received") ? 1_000 : 3_000),
  });

export const receiptQuery = (id: string) =>
  queryOptions({
    queryKey: ["ingest", "receipts", "one", id],
    queryFn: ({ signal }) => api("GET", `/api/v1/ingest/receipts/${encodeURIComponent(id)}`, { schema: ReceiptDetail, signal }),
    refetchInterval: (query) => (query.state.data?.status === "received" ? 1_000 : false),
  });

/** Processes a quarantined receipt again: as it is, or with `body`, the payload corrected. */
export const replayReceipt = (id: string, body?: string) =>
  api("POST", `/api/v1/ingest/receipts/${encodeURIComponent(id)}/replay`, {
    json: body === undefined ? {} : { body },
    schema: ReceiptDetail,
  });
