import { createHash } from "node:crypto";
import { type ApiClient, ApiError } from "../client.ts";
import type { LineIssue, PendingRecord } from "./assemble-records.ts";

/** What the bulk upsert route answers (see src/server/routes/records.ts). */
type UpsertAnswer = {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: { index?: number; external_id?: string; path?: string; message: string }[];
  results: { index: number; status: "inserted" | "updated" | "unchanged" | "rejected" }[];
};

export type RejectedRecord = { pending: PendingRecord; issues: LineIssue[] };

export type BatchResult = { inserted: number; updated: number; unchanged: number; rejected: RejectedRecord[] };

/** A batch already serialised: each record's JSON, so its size is known before it is sent. */
export type Batch = { records: PendingRecord[]; json: string[]; bytes: number };

export type SenderDeps = {
  client: ApiClient;
  tenant: string;
  typePath: string;
  /** Identifies the file (and how it is read), so a re-run sends the same keys. */
  identity: string;
  sleep?: (ms: number) => Promise<void>;
  /** Attempts for an answer that may succeed later (5xx, 429, a key still in progress, a dropped connection). */
  attempts?: number;
};

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * The Idempotency-Key of a batch: the file's identity, the batch's number and a digest of its
 * body. Re-running an import of the same file after a crash sends the same keys, so the batches
 * the server already wrote are answered from its record of them (their counts are not doubled);
 * a file that changed gets new keys.
 */
export function idempotencyKey(identity: string, batchNumber: number | string, body: string): string {
  return `crossdock-import-${identity.slice(0, 24)}-${batchNumber}-${sha256(body).slice(0, 16)}`;
}

/** A file's identity for idempotency keys: the record type it loads, and the file's size and modification time. */
export function fileIdentity(parts: { typePath: string; size: number; modifiedMs: number }): string {
  return sha256(JSON.stringify([parts.typePath, parts.size, Math.trunc(parts.modifiedMs)]));
}

function retryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true; // a dropped connection, a reset: the key makes a retry safe
  return error.status >= 500 || error.status === 429 || error.code === "idempotency_key_in_progress";
}

const LINE_PATH = /^([a-z_][a-z0-9_]*)\.(\d+)(?:\.|$)/;

/** Places the API's answer for one rejected record on the lines of the file it came from. */
function placeIssues(pending: PendingRecord, details: UpsertAnswer["rejected"]): LineIssue[] {
  const first = pending.rows[0]?.line ?? 0;
  const issues = details.map((detail) => {
    const path = detail.path ?? "";
    const match = LINE_PATH.exec(path);
    const line =
      match && Array.isArray(pending.record[match[1] as string]) ? (pending.childLines[Number(match[2])] ?? first) : first;
    return { line, path, message: detail.message };
  });
  return issues.length > 0 ? issues : [{ line: first, path: "", message: "rejected by the API without a reason" }];
}

export function createSender(deps: SenderDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const attempts = deps.attempts ?? 6;

  async function post(body: string, key: string): Promise<UpsertAnswer> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await deps.client.request<UpsertAnswer>("POST", `/api/v1/records/${deps.typePath}?mode=partial`, {
          tenant: deps.tenant,
          body,
          contentType: "application/json",
          headers: { "idempotency-key": key },
        });
      } catch (error) {
        if (attempt >= attempts || !retryable(error)) throw error;
        await sleep(Math.min(500 * 2 ** (attempt - 1), 15_000));
      }
    }
  }

  async function send(batch: Batch, label: string): Promise<BatchResult> {
    const body = `[${batch.json.join(",")}]`;
    let answer: UpsertAnswer;
    try {
      answer = await post(body, idempotencyKey(deps.identity, label, body));
    } catch (error) {
      // Larger than the server takes (its body limit is its own setting): send it in halves.
      if (error instanceof ApiError && error.code === "payload_too_large" && batch.records.length > 1) {
        const half = Math.ceil(batch.records.length / 2);
        const [a, b] = [0, half].map((start) => ({
          records: batch.records.slice(start, start + half),
          json: batch.json.slice(start, start + half),
          bytes: 0,
        })) as [Batch, Batch];
        const [first, second] = [await send(a, `${label}a`), await send(b, `${label}b`)];
        return {
          inserted: first.inserted + second.inserted,
          updated: first.updated + second.updated,
          unchanged: first.unchanged + second.unchanged,
          rejected: [...first.rejected, ...second.rejected],
        };
      }
      throw error;
    }
    const rejected: RejectedRecord[] = [];
    for (const result of answer.results) {
      if (result.status !== "rejected") continue;
      const pending = batch.records[result.index];
      if (!pending) continue;
      rejected.push({
        pending,
        issues: placeIssues(
          pending,
          answer.rejected.filter((detail) => detail.index === result.index),
        ),
      });
    }
    return { inserted: answer.inserted, updated: answer.updated, unchanged: answer.unchanged, rejected };
  }

  return {
    /** Sends one batch with `mode=partial`: the valid records are written, the others come back with reasons. */
    send: (batch: Batch, batchNumber: number) => send(batch, String(batchNumber)),
  };
}
