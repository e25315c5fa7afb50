import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DemoFile } from "./world.ts";

/** Writes the files under `dir`, refusing any path that would leave it. Returns how many bytes were written. */
export async function writeDemoFiles(dir: string, files: DemoFile[]): Promise<number> {
  const root = path.resolve(dir);
  let bytes = 0;
  const made = new Set<string>();
  for (const file of files) {
    const target = path.resolve(root, file.path);
    if (!target.startsWith(`${root}${path.sep}`)) throw new Error(`refusing to write outside ${root}: ${file.path}`);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true });
      made.add(folder);
    }
    await writeFile(target, file.content);
    bytes += typeof file.content === "string" ? Buffer.byteLength(file.content) : file.content.length;
  }
  return bytes;
}
