import { existsSync } from "node:fs";
import { getPriority } from "node:os";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";

const linux = existsSync("/proc/thread-self");

/** Runs lowerThreadPriority in a worker thread and returns what it said and the priority it reads back. */
function lowerInWorker(nice: number): Promise<{ result: { lowered: boolean; threadId?: number }; readBack?: number }> {
  const module = new URL("./thread-priority.ts", import.meta.url).href;
  const source = `
    const { parentPort } = require("node:worker_threads");
    const { getPriority } = require("node:os");
    import("tsx/esm/api")
      .then(({ register }) => { register(); return import(${JSON.stringify(module)}); })
      .then(({ lowerThreadPriority }) => {
      const result = lowerThreadPriority(${nice});
      parentPort.postMessage({ result, readBack: result.lowered ? getPriority(result.threadId) : undefined });
    });`;
  const worker = new Worker(source, { eval: true });
  return new Promise((resolve, reject) => {
    worker.once("message", (message) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

describe("lowerThreadPriority", () => {
  it.skipIf(!linux)(
    "lowers the calling thread's priority and leaves the rest of the process as it was (Linux only: elsewhere threads share one priority)",
    async () => {
      const before = getPriority(process.pid);
      const { result, readBack } = await lowerInWorker(Math.min(before + 10, 19));
      expect(result.lowered).toBe(true);
      expect(result.threadId).not.toBe(process.pid);
      expect(readBack).toBe(Math.min(before + 10, 19));
      expect(getPriority(process.pid)).toBe(before);
    },
  );
});
