import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { access, copyFile, mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DroppedFile, DropTransport, StagedFile } from "./transport.ts";
import { withSuffix } from "./transport.ts";

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

export async function sha256OfFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest("hex"), size };
}

/** Renames, or copies and removes when `to` is on another file system. */
async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    await copyFile(from, to);
    await rm(from);
  }
}

/** A drop's local folder: files are read where they are, and moved to processed/ or failed/ inside it. */
export function localFolderTransport(folder: string): DropTransport {
  const at = (relative: string) => path.join(folder, relative);
  const free = async (dir: string, name: string, suffix: string) => {
    await mkdir(at(dir), { recursive: true });
    return (await exists(at(path.join(dir, name)))) ? path.posix.join(dir, withSuffix(name, suffix)) : path.posix.join(dir, name);
  };
  return {
    async list(): Promise<DroppedFile[]> {
      const entries = await readdir(folder, { withFileTypes: true });
      const files: DroppedFile[] = [];
      for (const entry of entries) {
        if (!entry.isFile()) continue;
        try {
          const info = await stat(at(entry.name));
          files.push({ name: entry.name, size: info.size, mtimeMs: info.mtimeMs });
        } catch (error) {
          if (!isMissing(error)) throw error;
        }
      }
      return files;
    },
    async stage(file: DroppedFile): Promise<StagedFile> {
      const { sha256, size } = await sha256OfFile(at(file.name));
      return { path: at(file.name), sha256, size, release: async () => undefined };
    },
    target: (dir, name, suffix) => free(dir, name, suffix),
    async settle(name, target, report) {
      await mkdir(path.dirname(at(target)), { recursive: true });
      const reportFile = `${at(target)}.report.json`;
      await writeFile(`${reportFile}.part`, report);
      await rename(`${reportFile}.part`, reportFile);
      try {
        await move(at(name), at(target));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },
    async restore(from, name) {
      const to = (await exists(at(name))) ? withSuffix(name, `rerun-${Date.now()}`) : name;
      await move(at(from), at(to));
      return to;
    },
    async put(localPath, name) {
      const to = (await exists(at(name))) ? withSuffix(name, `upload-${Date.now()}`) : name;
      const part = at(`.${to}.part`);
      await move(localPath, part);
      await rename(part, at(to));
      return to;
    },
    close: async () => undefined,
  };
}
