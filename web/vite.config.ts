import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webRoot = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("..", import.meta.url));
/** Where `npm run dev` finds the API: the Crossdock server it starts beside Vite. */
const apiTarget = process.env.CROSSDOCK_DEV_API ?? "http://127.0.0.1:3000";

const devPort = Number(process.env.DEV_PORT ?? 5173);
/** The origins the console's pages have under `npm run dev`. */
const devOrigins = new Set([`http://127.0.0.1:${devPort}`, `http://localhost:${devPort}`]);

type ProxyRequest = { setHeader(name: string, value: string): void };
type IncomingRequest = { headers: Record<string, string | string[] | undefined> };

// The API refuses cookie-carried writes whose Origin is not its own (CSRF). In development the
// console's pages come from Vite's origin, so the proxy presents the API's origin for those — and
// only those: a request from any other page keeps its Origin and is refused as it would be.
const toApi = {
  target: apiTarget,
  changeOrigin: true,
  configure: (proxy: { on(event: "proxyReq", listener: (request: ProxyRequest, incoming: IncomingRequest) => void): void }) => {
    proxy.on("proxyReq", (request, incoming) => {
      const origin = incoming.headers.origin;
      if (typeof origin === "string" && devOrigins.has(origin)) request.setHeader("origin", apiTarget);
    });
  },
};

export default defineConfig({
  root: webRoot,
  base: "/",
  plugins: [react()],
  // The console imports the client-safe contract schemas from src/**/contract.
  server: {
    port: devPort,
    fs: { allow: [repoRoot] },
    proxy: { "/api": toApi, "/openapi.json": toApi },
  },
  build: {
    outDir: process.env.CROSSDOCK_CONSOLE_OUT_DIR ?? fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
