import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webRoot = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("..", import.meta.url));
/** Where `npm run dev` finds the API: the Crossdock server it starts beside Vite. */
const apiTarget = process.env.CROSSDOCK_DEV_API ?? "http://127.0.0.1:3000";

// The API refuses cookie-carried writes whose Origin is not its own (CSRF); in development the page
// comes from Vite's origin, so the proxy presents the API's origin instead.
const toApi = {
  target: apiTarget,
  changeOrigin: true,
  configure: (proxy: {
    on(event: "proxyReq", listener: (request: { setHeader(name: string, value: string): void }) => void): void;
  }) => {
    proxy.on("proxyReq", (request) => request.setHeader("origin", apiTarget));
  },
};

export default defineConfig({
  root: webRoot,
  base: "/",
  plugins: [react()],
  // The console imports the client-safe contract schemas from src/**/contract.
  server: {
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
