import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

const SKIP = new Set(["node_modules", "dist", ".vite"]);

async function collect(dir: string, accept: (file: string) => boolean, into: string[]): Promise<void> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (SKIP.has(entry.name) || entry.name.startsWith(".dist-")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await collect(full, accept, into);
    else if (accept(full)) into.push(full);
  }
}

/**
 * A hash over everything the console is built from: its own sources, the contract files it
 * imports from src/, and the lock file (a dependency upgrade changes the build too).
 */
export async function consoleSourceFingerprint(webDir: string, repoDir: string): Promise<string> {
  const files: string[] = [];
  await collect(webDir, () => true, files);
  await collect(
    path.join(repoDir, "src"),
    (file) => file.includes(`${path.sep}contract${path.sep}`) && !file.endsWith(".test.ts"),
    files,
  );
  files.push(path.join(repoDir, "package-lock.json"));
  files.sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(path.relative(repoDir, file));
    hash.update("\0");
    try {
      hash.update(await readFile(file));
    } catch {
      hash.update("missing");
    }
    hash.update("\0");
  }
  return hash.digest("hex");
}
