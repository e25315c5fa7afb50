import { type Config, loadConfig } from "../platform/config.ts";
import type { ApiClient } from "./client.ts";
import { reportError } from "./output.ts";

/** Options every command accepts. */
export type GlobalOptions = { dataDir?: string; databaseUrl?: string };

export function configFrom(options: GlobalOptions): Config {
  return loadConfig(process.env, {
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
  });
}

/** Connects, runs one command against the API, and always disconnects; errors end the process. */
export async function withClient(options: GlobalOptions, work: (client: ApiClient) => Promise<void>): Promise<void> {
  let client: ApiClient | undefined;
  try {
    // Loaded on use, so `--help` does not pay for the whole platform.
    const { connect } = await import("./client.ts");
    client = await connect(configFrom(options), { quiet: true });
    await work(client);
  } catch (error) {
    await client?.close().catch(() => undefined);
    reportError(error);
  }
  await client?.close();
}
