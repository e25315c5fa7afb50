import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { generateDemo, generateWorld } from "../src/demo/index.ts";
import { type Metric, report } from "./support/results.ts";

/**
 * The demo distributor: how long the generator takes (the records part, small and default size),
 * and how long `npm run demo` takes on a fresh data directory, from spawn until the default size is
 * loaded through the records API into embedded PGlite.
 */
const ROOT = path.join(import.meta.dirname, "..");

function timed<T>(work: () => T): { value: T; seconds: number } {
  const started = performance.now();
  const value = work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

async function runDemo(): Promise<{ total: number; generated: number; loaded: number; records: number }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "crossdock-bench-demo-"));
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["--max-semi-space-size=64", path.join(ROOT, "bin", "crossdock.mjs"), "demo", "--port", "0"],
    {
      cwd: ROOT,
      env: { ...process.env, CROSSDOCK_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  try {
    let output = "";
    const match = await new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`demo did not finish loading in 300 s:\n${output}`)), 300_000);
      child.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const found =
          /Loaded .*: ([\d,]+) records[\s\S]*?generated in ([\d.]+) s and loaded through the records API in ([\d.]+) s/.exec(
            output,
          );
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`demo exited with ${code}:\n${output}`));
      });
    });
    return {
      total: (performance.now() - started) / 1000,
      records: Number((match[1] as string).replaceAll(",", "")),
      generated: Number(match[2]),
      loaded: Number(match[3]),
    };
  } finally {
    await new Promise((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGINT");
    });
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function main() {
  const small = timed(() => generateWorld({ scale: "small", seed: 42 }));
  const smallFiles = timed(() => generateDemo({ scale: "small", seed: 42 }));
  const medium = timed(() => generateWorld({ scale: "medium", seed: 42 }));
  const mediumFiles = timed(() => generateDemo({ scale: "medium", seed: 42 }));
  const count = (world: typeof small.value) => Object.values(world.records).reduce((sum, rows) => sum + rows.length, 0);
  process.stderr.write("running npm run demo on a fresh data directory…\n");
  const demo = await runDemo();
  const metrics: Metric[] = [
    { name: "generate records, small", value: small.seconds, unit: "s", target: "< 5", note: `${count(small.value)} records` },
    {
      name: "generate all files (records, truth, documents, knowledge), small",
      value: smallFiles.seconds,
      unit: "s",
      note: `${smallFiles.value.files.length} files`,
    },
    { name: "generate records, default size (medium)", value: medium.seconds, unit: "s", note: `${count(medium.value)} records` },
    {
      name: "generate all files, default size (medium)",
      value: mediumFiles.seconds,
      unit: "s",
      note: `${mediumFiles.value.files.length} files`,
    },
    { name: "npm run demo: spawn to loaded, default size, PGlite", value: demo.total, unit: "s", target: "< 60" },
    { name: "npm run demo: loading through the records API", value: demo.loaded, unit: "s" },
    { name: "npm run demo: records loaded", value: demo.records, unit: "records" },
    { name: "npm run demo: load throughput", value: demo.records / demo.loaded, unit: "records/s" },
  ];
  await report("demo", metrics, { cores: cpus().length, node: process.version, seed: 42 });
}
