import { describe, expect, it } from "vitest";
import type { PendingRecord } from "./assemble-records.ts";
import { createBatcher } from "./batcher.ts";
import type { Batch, BatchResult } from "./send-batch.ts";

const pending = (id: string, size = 0): PendingRecord => ({
  record: { external_id: id, ...(size ? { notes: "x".repeat(size) } : {}) },
  externalId: id,
  rows: [],
  childLines: [],
  issues: [],
});

function recorder(fail?: number) {
  const sent: string[][] = [];
  const answered: number[] = [];
  return {
    sent,
    answered,
    async send(batch: Batch, number: number): Promise<BatchResult> {
      sent.push(batch.records.map((record) => record.externalId as string));
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (number === fail) throw new Error(`batch ${number} failed`);
      return { inserted: batch.records.length, updated: 0, unchanged: 0, rejected: [] };
    },
    async onResult(result: BatchResult) {
      answered.push(result.inserted);
    },
  };
}

describe("createBatcher", () => {
  it("sends full batches in order, goes early when a batch would grow past its byte limit, and sends the rest at the end", async () => {
    const log = recorder();
    const batcher = createBatcher({ send: log.send, onResult: log.onResult, size: 3, maxBytes: 200 });
    for (const id of ["a", "b", "c", "d"]) await batcher.add(pending(id));
    await batcher.add(pending("big", 150));
    await batcher.add(pending("e"));
    await batcher.finish();
    expect(log.sent).toEqual([["a", "b", "c"], ["d"], ["big"], ["e"]]);
    expect(log.answered).toEqual([3, 1, 1, 1]);
    expect(batcher.sent()).toBe(4);
  });

  it("surfaces a failed batch, and still counts the answer of the one on its way", async () => {
    const log = recorder(1);
    const batcher = createBatcher({ send: log.send, onResult: log.onResult, size: 1, maxBytes: 1_000 });
    await batcher.add(pending("a"));
    await expect(batcher.add(pending("b"))).rejects.toThrow("batch 1 failed");
    await batcher.abandon();
    expect(log.answered).toEqual([]);
  });
});
