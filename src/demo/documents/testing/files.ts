import { createHash } from "node:crypto";
import type { DemoFile } from "../../world.ts";

/** Every file's sha256, by path: two generations are the same when these are equal. */
export function digests(files: readonly DemoFile[]): Record<string, string> {
  return Object.fromEntries(files.map((file) => [file.path, createHash("sha256").update(file.content).digest("hex")]));
}

export function asBuffer(content: Buffer | string): Buffer {
  return typeof content === "string" ? Buffer.from(content) : content;
}
