import type { AddressInfo } from "node:net";
import type { Crossdock } from "../main.ts";
import type { Config } from "../platform/config.ts";
import { createLogger } from "../platform/logger.ts";

export type Serving = { crossdock: Crossdock; url: string };

/**
 * Builds Crossdock, listens, launches its workers, prints where to reach it, and stops cleanly on
 * Ctrl-C or SIGTERM. What `start` runs, and what `demo` runs before it loads the demo business.
 */
export async function serveCrossdock(config: Config, started = performance.now()): Promise<Serving> {
  const logger = createLogger({ level: config.logLevel });
  const consoleNote = await prepareConsole(config);
  const [{ createServer }, { createCrossdock }] = await Promise.all([import("node:http"), import("../main.ts")]);
  const crossdock = await createCrossdock({ config, logger });
  const server = createServer(crossdock.http.listener);
  server.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = config.publicUrl ?? `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
  await crossdock.start(url);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  process.stdout.write(
    `Crossdock is ready in ${seconds} s\n  console  ${url}/${consoleNote}\n  API      ${url}/api/v1  (OpenAPI: ${url}/openapi.json)\n  data     ${crossdock.db.description}\nPress Ctrl-C to stop.\n`,
  );
  // Whoever read our output may be gone by the time we stop (a closed pipe): stopping must not fail on it.
  process.stdout.on("error", () => {});
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping…\n`);
    server.close();
    await crossdock.stop();
    process.stdout.write("Stopped.\n");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  return { crossdock, url };
}

/**
 * Builds the console when its sources changed (not for worker-only processes, and not under
 * `npm run dev`, where Vite serves it). Returns a note for the console's line of the banner.
 */
async function prepareConsole(config: Config): Promise<string> {
  if (config.role === "worker" || process.env.CROSSDOCK_SKIP_CONSOLE_BUILD === "1") return "";
  const { ensureConsoleBuilt } = await import("./console-build.ts");
  const build = await ensureConsoleBuilt((line) => process.stdout.write(`${line}\n`));
  switch (build.status) {
    case "built":
      return `  (built in ${build.seconds?.toFixed(1)} s)`;
    case "unavailable":
      return `  (not available: ${build.reason})`;
    default:
      return "";
  }
}
