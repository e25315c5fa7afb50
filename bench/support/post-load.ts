import { spawn, spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import autocannon from "autocannon";

/** One request of a load: each is sent exactly once. */
export type PostRequest = { body: string; headers: Record<string, string> };

export type LoadResult = {
  /** performance.now() when the first request was about to go. */
  startedAt: number;
  /** From the first request to the last answer. */
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not 2xx, and requests that failed. */
  failures: number;
  /** Which program sent the load, and the CPU it spent doing so (it shares the machine with the server). */
  client: "wrk" | "autocannon";
  clientCpuSeconds: number;
};

/**
 * POSTs every request once to `url` + `pathname` over `connections` connections kept open. With
 * wrk (Debian's package) when it is installed: a C client spends about a tenth of the CPU Node's
 * autocannon does per request, so less of the two cores goes to the sender, as when webhooks come
 * from other machines. Without it, or with BENCH_LOAD_CLIENT=autocannon, autocannon, in this process.
 */
export function postAll(
  url: string,
  pathname: string,
  requests: readonly PostRequest[],
  connections: number,
  workDir: string,
): Promise<LoadResult> {
  const wrk = spawnSync("wrk", ["--version"], { stdio: "ignore" });
  return wrk.error
    ? postWithAutocannon(url, pathname, requests, connections)
    : postWithWrk(url, pathname, requests, connections, workDir);
}

async function postWithAutocannon(
  url: string,
  pathname: string,
  requests: readonly PostRequest[],
  connections: number,
): Promise<LoadResult> {
  let sent = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const load = await autocannon({
    url,
    connections,
    amount: requests.length,
    timeout: 60,
    requests: [{ method: "POST", path: pathname, setupRequest: (request) => ({ ...request, ...requests[sent++] }) }],
  });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    startedAt: started,
    seconds,
    p50Ms: load.latency.p50,
    p99Ms: load.latency.p99,
    failures: load.non2xx + load.errors,
    client: "autocannon",
    clientCpuSeconds: (used.user + used.system) / 1e6,
  };
}

const WRK_SCRIPT = path.join(import.meta.dirname, "post-once.lua");
/** wrk runs for a set time; the script stops sending once every request is answered, and wrk is then interrupted. */
const WRK_LIMIT_SECONDS = 300;

async function postWithWrk(
  url: string,
  pathname: string,
  requests: readonly PostRequest[],
  connections: number,
  workDir: string,
): Promise<LoadResult> {
  const file = path.join(workDir, "requests.tsv");
  const names = Object.keys(requests[0]?.headers ?? {});
  // One request a line: its headers' values, then the body, tab-separated (JSON text holds no raw tab or newline).
  const lines = requests.map((request) => [...names.map((name) => request.headers[name]), request.body].join("\t"));
  for (const line of lines) if (/[\n\r]/.test(line)) throw new Error("a request for wrk must fit on one line");
  await writeFile(file, `${names.join("\t")}\n${lines.join("\n")}\n`);
  const started = performance.now();
  const child = spawn(
    "wrk",
    ["-t1", `-c${connections}`, `-d${WRK_LIMIT_SECONDS}s`, "--timeout", "60s", "-s", WRK_SCRIPT, url, "--", file, pathname],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const answered = new Promise<void>((resolve) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (process.env.WRK_DEBUG) process.stderr.write(chunk);
      if (stderr.includes("all answered")) resolve();
    });
  });
  await Promise.race([answered, exited]);
  const ended = performance.now();
  const cpu = await cpuSecondsOf(child.pid);
  child.kill("SIGINT");
  await exited;
  const summary = /^RESULT (\{.*\})$/m.exec(stdout);
  if (!summary) throw new Error(`wrk printed no result:\n${stdout}\n${stderr}`);
  const result = JSON.parse(summary[1] as string) as {
    answered: number;
    failed: number;
    p50_us: number;
    p99_us: number;
    errors: number;
  };
  return {
    startedAt: started,
    seconds: (ended - started) / 1000,
    p50Ms: result.p50_us / 1000,
    p99Ms: result.p99_us / 1000,
    failures: result.failed + result.errors + Math.max(0, requests.length - result.answered - result.failed),
    client: "wrk",
    clientCpuSeconds: cpu,
  };
}

/** utime + stime of a running process, from /proc (0 where there is no /proc). */
async function cpuSecondsOf(pid: number | undefined): Promise<number> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]?.split(" ") ?? [];
    // After the command name: utime and stime are the 12th and 13th fields, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
