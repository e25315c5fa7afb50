import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors.ts";

/**
 * Embedded PostgreSQL is one process's: two processes opening the same data directory would
 * corrupt it. The process that opens it leaves a lock file naming itself (and, for a server, its
 * URL), so a second one can refuse, or talk to the first over HTTP instead.
 */
export type DataDirOwner = { pid: number; url?: string | undefined; started_at: string };

const LOCK_FILE = "crossdock.lock";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live process holding the directory, if any; a lock left by a dead process is ignored. */
export async function currentOwner(dataDir: string): Promise<DataDirOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path.join(dataDir, LOCK_FILE), "utf8")) as DataDirOwner;
    return owner.pid !== process.pid && alive(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

export async function lockDataDir(
  dataDir: string,
  url?: string,
): Promise<{ setUrl(url: string): Promise<void>; release(): Promise<void> }> {
  const owner = await currentOwner(dataDir);
  if (owner) {
    throw new AppError(
      "conflict",
      `The data directory ${dataDir} is in use by Crossdock process ${owner.pid}${owner.url ? ` at ${owner.url}` : ""}; stop it first, or point CROSSDOCK_DATA_DIR elsewhere`,
    );
  }
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const write = (value?: string) =>
    writeFile(
      file,
      JSON.stringify({ pid: process.pid, url: value, started_at: new Date().toISOString() } satisfies DataDirOwner),
    );
  await write(url);
  return {
    setUrl: (value) => write(value),
    async release() {
      const current = await readFile(file, "utf8").catch(() => "");
      if (current.includes(`"pid":${process.pid},`)) await rm(file, { force: true });
    },
  };
}
