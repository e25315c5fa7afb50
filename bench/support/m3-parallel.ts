import { spawn } from "node:child_process";
import path from "node:path";

export type ParallelRun = { seconds: number; wallSeconds: number; means: Map<string, number[]> };

function runShard(shard: number, shards: number): Promise<{ seconds: number; means: Record<string, number[]> }> {
  const worker = path.join(import.meta.dirname, "m3-worker.ts");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", worker, String(shard), String(shards)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`M3 shard ${shard} failed: ${Buffer.concat(err).toString().slice(-2000)}`));
      else resolve(JSON.parse(Buffer.concat(out).toString().trim().split("\n").at(-1) ?? "{}"));
    });
  });
}

/**
 * M3 monthly forecast as shipped on `shards` cores at once, one process each: `seconds` is the
 * slowest shard's forecasting time (the whole set done, data already loaded), `wallSeconds` the
 * time from starting the processes to the last one's answer (their start and the data's loading
 * included).
 */
export async function forecastM3InParallel(shards: number): Promise<ParallelRun> {
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: shards }, (_, shard) => runShard(shard, shards)));
  const wallSeconds = (performance.now() - started) / 1000;
  const means = new Map<string, number[]>();
  for (const result of results) for (const [id, mean] of Object.entries(result.means)) means.set(id, mean);
  return { seconds: Math.max(...results.map((result) => result.seconds)), wallSeconds, means };
}
