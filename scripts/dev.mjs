#!/usr/bin/env node
// `npm run dev`: the console with hot reload. Runs Crossdock (the API, restarted when src/ changes)
// and Vite's dev server for web/, which proxies /api to it; open the URL Vite prints.
//
//   PORT       the API's port (default 3000)
//   DEV_PORT   the console's dev port (default 5173)
import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const apiPort = process.env.PORT ?? "3000";
const apiUrl = `http://127.0.0.1:${apiPort}`;

const api = spawn(
  process.execPath,
  ["--max-semi-space-size=64", "--watch-path=src", path.join(ROOT, "bin", "crossdock.mjs"), "start", "--port", apiPort],
  { cwd: ROOT, stdio: "inherit", env: { ...process.env, CROSSDOCK_SKIP_CONSOLE_BUILD: "1" } },
);

process.env.CROSSDOCK_DEV_API = apiUrl;
const { createServer } = await import("vite");
const vite = await createServer({
  configFile: path.join(ROOT, "web", "vite.config.ts"),
  server: { port: Number(process.env.DEV_PORT ?? 5173), host: "127.0.0.1" },
});
await vite.listen();
console.log(`\nConsole with hot reload: ${vite.resolvedUrls?.local[0] ?? "http://127.0.0.1:5173/"}  (API at ${apiUrl})\n`);

const stop = async () => {
  api.kill("SIGINT");
  await vite.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
api.on("exit", (code) => {
  if (code !== 0 && code !== null) console.error(`Crossdock exited with ${code}; it restarts when you save a file under src/`);
});
