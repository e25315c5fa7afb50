import type { Command } from "commander";
import { reportError } from "../output.ts";
import { configFrom, type GlobalOptions } from "../run-command.ts";
import { serveCrossdock } from "../serve.ts";

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
        await serveCrossdock(config, started);
      } catch (error) {
        reportError(error);
      }
    });
}
