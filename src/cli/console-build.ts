import { existsSync } from "node:fs";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { BUILD_STAMP_FILE, CONSOLE_DIST_DIR, CONSOLE_SOURCE_DIR } from "../server/console/console-dir.ts";
import { consoleSourceFingerprint } from "../server/console/source-fingerprint.ts";

export type ConsoleBuild =
  | { status: "fresh" | "built"; seconds?: number }
  | { status: "prebuilt" }
  | { status: "unavailable"; reason: string };

const REPO_DIR = path.resolve(CONSOLE_SOURCE_DIR, "..");

async function readStamp(): Promise<string | undefined> {
  try {
    return (await readFile(path.join(CONSOLE_DIST_DIR, BUILD_STAMP_FILE), "utf8")).trim();
  } catch {
    return undefined;
  }
}

/**
 * Makes sure web/dist holds a console built from the current sources: builds it with Vite when it
 * is missing or its sources changed (about a second), and otherwise serves what is there. A copy
 * without the sources (an install that ships only the build) serves its prebuilt console.
 */
export async function ensureConsoleBuilt(log: (line: string) => void): Promise<ConsoleBuild> {
  const hasSources = existsSync(path.join(CONSOLE_SOURCE_DIR, "src"));
  const hasBuild = existsSync(path.join(CONSOLE_DIST_DIR, "index.html"));
  if (!hasSources) {
    return hasBuild
      ? { status: "prebuilt" }
      : { status: "unavailable", reason: "neither the console's sources nor a build are here" };
  }
  const fingerprint = await consoleSourceFingerprint(CONSOLE_SOURCE_DIR, REPO_DIR);
  if (hasBuild && (await readStamp()) === fingerprint) return { status: "fresh" };

  let vite: typeof import("vite");
  try {
    vite = await import("vite");
  } catch (error) {
    const reason = `Vite is not installed (${(error as Error).message}); run npm install`;
    return hasBuild ? { status: "prebuilt" } : { status: "unavailable", reason };
  }
  log(hasBuild ? "Rebuilding the console (its sources changed)…" : "Building the console (first start)…");
  const started = performance.now();
  // Build beside the live folder and swap, so a server already running never serves half a build.
  const staging = path.join(CONSOLE_SOURCE_DIR, `.dist-${process.pid}-${Date.now()}`);
  try {
    await asProduction(() =>
      vite.build({
        configFile: path.join(CONSOLE_SOURCE_DIR, "vite.config.ts"),
        logLevel: "warn",
        mode: "production",
        build: { outDir: staging, emptyOutDir: true },
      }),
    );
    await writeFile(path.join(staging, BUILD_STAMP_FILE), `${fingerprint}\n`);
    const retired = `${staging}-old`;
    if (existsSync(CONSOLE_DIST_DIR)) await rename(CONSOLE_DIST_DIR, retired).catch(() => undefined);
    await rename(staging, CONSOLE_DIST_DIR);
    await rm(retired, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another process may have finished the same build first.
    if ((await readStamp()) === fingerprint) return { status: "fresh" };
    const reason = `the console could not be built: ${(error as Error).message}`;
    if (hasBuild) {
      log(`${reason}; serving the previous build`);
      return { status: "prebuilt" };
    }
    return { status: "unavailable", reason };
  }
  return { status: "built", seconds: (performance.now() - started) / 1000 };
}

/**
 * Runs a build with NODE_ENV=production, whatever this process has (test runners set "test"):
 * Vite and the React plugin choose React's build and the JSX runtime from it.
 */
async function asProduction<T>(work: () => Promise<T>): Promise<T> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
}
