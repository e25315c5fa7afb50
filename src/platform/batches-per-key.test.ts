import { describe, expect, it } from "vitest";
import { BatchesPerKey } from "./batches-per-key.ts";

type Item = { n: number; resolve: (answer: string) => void; reject: (error: unknown) => void };

function harness(options: { max: number; failWhen?: (batch: number[]) => boolean }) {
  const sent: { key: string; batch: number[] }[] = [];
  const batches = new BatchesPerKey<Item>({
    max: options.max,
    async send(key, batch) {
      const numbers = batch.map((item) => item.n);
      sent.push({ key, batch: numbers });
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (options.failWhen?.(numbers)) throw new Error(`refused ${numbers.join(",")}`);
      for (const item of batch) item.resolve(`${key}:${item.n}`);
    },
    fail: (item, error) => item.reject(error),
  });
  const add = (key: string, n: number) => new Promise<string>((resolve, reject) => batches.add(key, { n, resolve, reject }));
  return { sent, add };
}

describe("batches per key (BatchesPerKey)", () => {
  it("sends a lone item at once, and what arrives meanwhile as the next batches, in order, up to the most", async () => {
    const { sent, add } = harness({ max: 3 });
    const answers = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => add("acme", n)));
    expect(answers).toEqual(["acme:1", "acme:2", "acme:3", "acme:4", "acme:5", "acme:6"]);
    expect(sent).toEqual([
      { key: "acme", batch: [1] },
      { key: "acme", batch: [2, 3, 4] },
      { key: "acme", batch: [5, 6] },
    ]);
  });

  it("keeps keys apart: another key's item does not wait", async () => {
    const { sent, add } = harness({ max: 10 });
    await Promise.all([add("acme", 1), add("acme", 2), add("globex", 3)]);
    expect(sent).toEqual([
      { key: "acme", batch: [1] },
      { key: "globex", batch: [3] },
      { key: "acme", batch: [2] },
    ]);
  });

  it("sends a failed batch again item by item: the one at fault fails, the others go through", async () => {
    const { sent, add } = harness({ max: 10, failWhen: (batch) => batch.includes(3) });
    const answers = await Promise.allSettled([1, 2, 3, 4].map((n) => add("acme", n)));
    expect(answers.map((answer) => (answer.status === "fulfilled" ? answer.value : String(answer.reason)))).toEqual([
      "acme:1",
      "acme:2",
      "Error: refused 3",
      "acme:4",
    ]);
    expect(sent.map((entry) => entry.batch)).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });
});
