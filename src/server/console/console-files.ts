import { readFile } from "node:fs/promises";
import path from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

export type ConsoleFile = { body: Uint8Array<ArrayBuffer>; contentType: string };

/**
 * Reads the built console from `distDir`. Hashed assets never change under one name, so they are
 * kept in memory once read; index.html is read on each request, so a rebuild shows without a restart.
 */
export function createConsoleFiles(distDir: string) {
  const assets = new Map<string, ConsoleFile>();
  const root = path.resolve(distDir);

  return {
    async index(): Promise<string | undefined> {
      try {
        return await readFile(path.join(root, "index.html"), "utf8");
      } catch {
        return undefined;
      }
    },
    /** A file under assets/, or undefined for anything else (including attempts to leave the folder). */
    async asset(requestPath: string): Promise<ConsoleFile | undefined> {
      const cached = assets.get(requestPath);
      if (cached) return cached;
      let decoded: string;
      try {
        decoded = decodeURIComponent(requestPath);
      } catch {
        return undefined; // not a valid percent-encoding: no such file
      }
      const file = path.resolve(root, `.${decoded}`);
      if (!file.startsWith(path.join(root, "assets") + path.sep)) return undefined;
      try {
        const body = new Uint8Array(await readFile(file));
        const found = { body, contentType: CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream" };
        if (assets.size < 500) assets.set(requestPath, found);
        return found;
      } catch {
        return undefined;
      }
    },
  };
}
