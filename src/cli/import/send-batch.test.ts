import { describe, expect, it } from "vitest";
import { type ApiClient, ApiError, type RequestOptions } from "../client.ts";
import type { PendingRecord } from "./assemble-records.ts";
import { type Batch, createSender, idempotencyKey } from "./send-batch.ts";

type Call = { method: string; path: string; options: RequestOptions };

function fakeClient(answer: (call: Call, attempt: number) => unknown): { client: ApiClient; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    client: {
      target: "fake",
      async request<T>(method: string, path: string, options: RequestOptions = {}) {
        const call = { method, path, options };
        calls.push(call);
        const result = answer(call, calls.length);
        if (result instanceof Error) throw result;
        return result as T;
      },
      close: async () => undefined,
    },
  };
}

function pending(externalId: string, line: number, lines = 0): PendingRecord {
  const record: Record<string, unknown> = { source_system: "erp", external_id: externalId };
  if (lines) record.lines = Array.from({ length: lines }, (_, index) => ({ line_number: index + 1 }));
  return {
    record,
    externalId,
    rows: Array.from({ length: Math.max(lines, 1) }, (_, index) => ({ line: line + index, values: {}, original: [] })),
    childLines: Array.from({ length: lines }, (_, index) => line + index),
    issues: [],
  };
}

function batchOf(records: PendingRecord[]): Batch {
  const json = records.map((record) => JSON.stringify(record.record));
  return { records, json, bytes: json.join(",").length + 2 };
}

const written = (count: number) => ({
  inserted: count,
  updated: 0,
  unchanged: 0,
  rejected: [],
  results: Array.from({ length: count }, (_, index) => ({ index, status: "inserted" })),
});
const noSleep = async () => undefined;

describe("createSender", () => {
  it("posts a partial-mode batch with an idempotency key from the file, the batch number and the body", async () => {
    const { client, calls } = fakeClient(() => written(2));
    const sender = createSender({ client, tenant: "acme", typePath: "items", identity: "f".repeat(64), sleep: noSleep });
    const batch = batchOf([pending("A", 2), pending("B", 3)]);
    expect(await sender.send(batch, 1)).toEqual({ inserted: 2, updated: 0, unchanged: 0, rejected: [] });
    expect(calls[0]).toMatchObject({
      method: "POST",
      path: "/api/v1/records/items?mode=partial",
      options: { tenant: "acme", contentType: "application/json", body: `[${batch.json.join(",")}]` },
    });
    const key = calls[0]?.options.headers?.["idempotency-key"];
    expect(key).toBe(idempotencyKey("f".repeat(64), 1, `[${batch.json.join(",")}]`));
    expect(key).toMatch(/^crossdock-import-f{24}-1-[0-9a-f]{16}$/);
    expect(idempotencyKey("f".repeat(64), 2, "[]")).not.toBe(idempotencyKey("f".repeat(64), 1, "[]"));
  });

  it("places each rejection on the line of the file it came from, a line's on that line's row", async () => {
    const { client } = fakeClient(() => ({
      inserted: 1,
      updated: 0,
      unchanged: 0,
      rejected: [
        { index: 1, external_id: "SO-2", path: "lines.1.quantity", message: "is required" },
        { index: 1, external_id: "SO-2", path: "order_date", message: "must be a calendar date written YYYY-MM-DD" },
      ],
      results: [
        { index: 0, status: "inserted" },
        { index: 1, status: "rejected" },
      ],
    }));
    const sender = createSender({ client, tenant: "acme", typePath: "sales-orders", identity: "x", sleep: noSleep });
    const result = await sender.send(batchOf([pending("SO-1", 2, 2), pending("SO-2", 4, 3)]), 1);
    expect(result.rejected.map((rejected) => [rejected.pending.externalId, rejected.issues])).toEqual([
      [
        "SO-2",
        [
          { line: 5, path: "lines.1.quantity", message: "is required" },
          { line: 4, path: "order_date", message: "must be a calendar date written YYYY-MM-DD" },
        ],
      ],
    ]);
  });

  it("retries what may pass later with the same key, and gives up on what will not", async () => {
    const flaky = fakeClient((_call, attempt) => (attempt < 3 ? new ApiError(503, "unavailable", "busy") : written(1)));
    const sender = createSender({ client: flaky.client, tenant: "acme", typePath: "items", identity: "x", sleep: noSleep });
    expect((await sender.send(batchOf([pending("A", 2)]), 1)).inserted).toBe(1);
    expect(new Set(flaky.calls.map((call) => call.options.headers?.["idempotency-key"])).size).toBe(1);
    expect(flaky.calls).toHaveLength(3);

    const forbidden = fakeClient(() => new ApiError(403, "forbidden", "This key lacks records:write"));
    const refused = createSender({ client: forbidden.client, tenant: "acme", typePath: "items", identity: "x", sleep: noSleep });
    await expect(refused.send(batchOf([pending("A", 2)]), 1)).rejects.toThrow("This key lacks records:write");
    expect(forbidden.calls).toHaveLength(1);
  });

  it("sends a batch the server finds too large in halves", async () => {
    const { client, calls } = fakeClient((call) => {
      const size = JSON.parse(call.options.body as string).length;
      return size > 2 ? new ApiError(413, "payload_too_large", "too large") : written(size);
    });
    const sender = createSender({ client, tenant: "acme", typePath: "items", identity: "x", sleep: noSleep });
    const result = await sender.send(batchOf(["A", "B", "C", "D", "E"].map((id, index) => pending(id, index + 2))), 7);
    expect(result.inserted).toBe(5);
    expect(calls.map((call) => call.options.headers?.["idempotency-key"]?.split("-")[3])).toEqual([
      "7",
      "7a",
      "7aa",
      "7ab",
      "7b",
    ]);
  });
});
