import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";

const ROOT = path.join(import.meta.dirname, "..", "..");

export type ServerProcess = {
  url: string;
  operatorToken: string;
  readyMs: number;
  printedReadySeconds: number;
  stop(): Promise<number | null>;
  /** SIGKILL: the process dies where it stands, as in a power cut. */
  kill(): Promise<void>;
};

/**
 * Starts `crossdock start` as its own process, as `npm start` does (same Node flags), and waits for it to print that it
 * is ready. Timing starts at spawn, so it includes Node's start and module loading.
 */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const started = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      "--max-semi-space-size=64",
      // e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under a benchmark's load
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
      path.join(ROOT, "bin", "crossdock.mjs"),
      "start",
      "--port",
      "0",
    ],
    {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  const ready = await new Promise<{ url: string; seconds: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready in ([\d.]+) s[\s\S]*?console\s+(http:\/\/\S+?)\/\s/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ seconds: Number(match[1]), url: match[2] as string });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
  const readyMs = performance.now() - started;
  const operatorToken = (await readFile(path.join(env.CROSSDOCK_DATA_DIR as string, "operator-token"), "utf8")).trim();
  return {
    url: ready.url,
    operatorToken,
    readyMs,
    printedReadySeconds: ready.seconds,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill("SIGINT");
      }),
    kill: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}
