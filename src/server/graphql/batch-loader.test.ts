import { describe, expect, it } from "vitest";
import { createBatchLoader } from "./batch-loader.ts";

describe("batch loader", () => {
  it("answers the loads of one tick with one batch of distinct keys, and caches them", async () => {
    const batches: number[][] = [];
    const loader = createBatchLoader(async (keys: number[]) => {
      batches.push(keys);
      return keys.map((key) => key * 10);
    }, String);
    // Loads made after an await each, as resolvers of sibling list items make them.
    const values = await Promise.all([1, 2, 2, 3].map(async (key) => loader.load(await Promise.resolve(key))));
    expect(values).toEqual([10, 20, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(await loader.load(2)).toBe(20);
    expect(await loader.load(4)).toBe(40);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it("rejects every load of a failed batch, and one answered with the wrong number of values", async () => {
    const failing = createBatchLoader(async (): Promise<number[]> => {
      throw new Error("database down");
    }, String);
    await expect(Promise.all([failing.load(1), failing.load(2)])).rejects.toThrow("database down");
    const short = createBatchLoader(async () => [1], String);
    await expect(Promise.all([short.load(1), short.load(2)])).rejects.toThrow(/2 keys was answered with 1/);
  });
});
