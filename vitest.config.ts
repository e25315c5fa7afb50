import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // test/e2e drives the built console in Chromium (skipped, saying why, where Chromium is missing).
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/src/**/*.test.ts"],
    exclude: ["node_modules/**"],
    pool: "forks",
    // Two cores: more workers only queue for them, and each database test starts an engine.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
