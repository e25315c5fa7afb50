import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** A file found in a drop's folder. */
export type DroppedFile = { name: string; size: number; mtimeMs: number };

/** A file's content where it can be read (the file itself, or a copy downloaded), with its SHA-256. */
export type StagedFile = { path: string; sha256: string; size: number; release(): Promise<void> };

/**
 * Where a drop's files are: a local folder or an SFTP directory. Paths given to it are relative to
 * the drop's folder (`items.csv`, `processed/items.csv`).
 */
export type DropTransport = {
  list(): Promise<DroppedFile[]>;
  /** The file's content, hashed, where it can be read. */
  stage(file: DroppedFile): Promise<StagedFile>;
  /** Where a finished file goes: `<dir>/<name>`, or `<dir>/<stem>.<suffix><ext>` when that is taken. */
  target(dir: "processed" | "failed", name: string, suffix: string): Promise<string>;
  /**
   * Writes the report beside `target` (`<target>.report.json`) and moves the file there. A file that
   * is gone already was moved by someone else (another process finishing the same import).
   */
  settle(name: string, target: string, report: string): Promise<void>;
  /** Moves a file back into the folder (a failed import run again); the name it now has. */
  restore(from: string, name: string): Promise<string>;
  /** Puts a local file in the folder as `name` (written as `.part`, then renamed); the name it got. */
  put(localPath: string, name: string): Promise<string>;
  close(): Promise<void>;
};

/** `items.csv` → `items.<suffix>.csv`. */
export function withSuffix(name: string, suffix: string): string {
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)}.${suffix}${ext}`;
}

/** Streams `source` to a new file in `dir`, hashing it on the way: its path, SHA-256 and size. */
export async function stageStream(dir: string, source: Readable, prefix = "staged"): Promise<StagedFile> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${prefix}-${randomBytes(8).toString("hex")}.part`);
  const hash = createHash("sha256");
  let size = 0;
  try {
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      },
      createWriteStream(file),
    );
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return { path: file, sha256: hash.digest("hex"), size, release: () => rm(file, { force: true }) };
}
