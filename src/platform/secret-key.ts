import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseSecretKey } from "./crypto.ts";
import type { DatabaseKind } from "./db/database.ts";
import { AppError } from "./errors.ts";

export type Keyring = { key(): Promise<Buffer> };

const NO_KEY_ON_SERVER =
  "Secrets (connectors, webhook signing keys) cannot be stored or read: set CROSSDOCK_SECRET_KEY (32 bytes in base64, e.g. `openssl rand -base64 32`), the same on every Crossdock process using this database";

async function readOrCreateKeyFile(file: string): Promise<Buffer> {
  const read = async () => {
    const key = parseSecretKey(await readFile(file, "utf8"));
    if (!key) throw new AppError("config_invalid", `${file} does not hold a 32-byte base64 key; restore it from a backup`);
    return key;
  };
  try {
    return await read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return read();
}

/**
 * The key secrets at rest (connector credentials, webhook signing keys) are sealed with: CROSSDOCK_SECRET_KEY when set; on the embedded
 * database, otherwise, `<dataDir>/secret-key` (made on first use, readable by its owner only, and
 * backed up with the data directory); on a PostgreSQL server without the variable, none, and a
 * secret is refused with a message saying so. A test's in-memory database gets a key that lives
 * as long as the process, like its data.
 */
export function createKeyring(options: { secretKey?: string | undefined; dataDir: string; databaseKind: DatabaseKind }): Keyring {
  let cached: Promise<Buffer> | undefined;
  return {
    key() {
      cached ??= (async () => {
        if (options.secretKey) {
          const key = parseSecretKey(options.secretKey);
          if (!key) throw new AppError("config_invalid", "CROSSDOCK_SECRET_KEY is not 32 bytes in base64");
          return key;
        }
        if (options.databaseKind === "postgres") throw new AppError("config_invalid", NO_KEY_ON_SERVER);
        if (path.basename(options.dataDir) === "memory:") return randomBytes(32);
        return readOrCreateKeyFile(path.join(options.dataDir, "secret-key"));
      })();
      cached.catch(() => {
        cached = undefined;
      });
      return cached;
    },
  };
}
