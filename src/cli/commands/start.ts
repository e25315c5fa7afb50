import type { AddressInfo } from "node:net";
import type { Command } from "commander";
import { createLogger } from "../../platform/logger.ts";
import { reportError } from "../output.ts";
import { configFrom, type GlobalOptions } from "../run-command.ts";

export function startCommand(program: Command, globals: () => GlobalOptions) {
  program
    .command("start")
    .alias("serve")
    .description("Run Crossdock: the API, the console and the workers, in one process")
    .option("--port <port>", "port to listen on (PORT; default 3000; 0 picks a free one)")
    .option("--host <host>", "address to listen on (HOST; default 127.0.0.1)")
    .option("--role <role>", "all, api or worker (CROSSDOCK_ROLE)")
    .action(async (options) => {
      const started = performance.now();
      try {
        const base = configFrom(globals());
        const config = {
          ...base,
          ...(options.port !== undefined ? { port: Number(options.port) } : {}),
          ...(options.host ? { host: options.host } : {}),
          ...(options.role ? { role: options.role } : {}),
        };
        const logger = createLogger({ level: config.logLevel });
        const [{ serve }, { createCrossdock }] = await Promise.all([import("@hono/node-server"), import("../../main.ts")]);
        const crossdock = await createCrossdock({ config, logger });
        const server = serve({ fetch: crossdock.http.app.fetch, port: config.port, hostname: config.host });
        await new Promise<void>((resolve, reject) => {
          server.once("listening", resolve);
          server.once("error", reject);
        });
        const { port } = server.address() as AddressInfo;
        const url = config.publicUrl ?? `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
        await crossdock.start(url);
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        process.stdout.write(
          `Crossdock is ready in ${seconds} s\n  console  ${url}/\n  API      ${url}/api/v1  (OpenAPI: ${url}/openapi.json)\n  data     ${crossdock.db.description}\nPress Ctrl-C to stop.\n`,
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
      } catch (error) {
        reportError(error);
      }
    });
}
