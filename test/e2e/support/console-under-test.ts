import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createServerDatabase } from "../../../src/platform/testing/test-database.ts";
import { type ServerProcess, startServer } from "../../support/server-process.ts";
import { type ApiCall, apiClient } from "./api.ts";
import { launchChromium } from "./browser.ts";
import { PASSWORD } from "./seed.ts";

export type ConsoleUnderTest = {
  url: string;
  server: ServerProcess;
  /** The REST API as the operator (every scope, any tenant). */
  operator: ApiCall;
  browser: Browser;
  /** A fresh browser profile (no cookies), at 1280×800. */
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  stop(): Promise<void>;
};

/**
 * `crossdock start` as its own process on a new embedded database (or, when DATABASE_URL is set, a
 * fresh database on that server), and a headless Chromium to drive the console it serves.
 */
export async function startConsoleUnderTest(env: Record<string, string> = {}): Promise<ConsoleUnderTest> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "crossdock-e2e-"));
  const serverDatabase = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : undefined;
  const server = await startServer({
    CROSSDOCK_DATA_DIR: dataDir,
    // Connectors' secrets are sealed with it; the server mode has no data folder to keep one in.
    CROSSDOCK_SECRET_KEY: randomBytes(32).toString("base64"),
    ...(serverDatabase ? { DATABASE_URL: serverDatabase.url } : {}),
    ...env,
  });
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    url: server.url,
    server,
    operator: apiClient(server.url, server.operatorToken),
    browser,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: server.url });
      contexts.push(context);
      const page = await context.newPage();
      return { context, page };
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.stop();
      await serverDatabase?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the sign-in page as a person would, and waits for the home page. */
export async function signIn(page: Page, tenant: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`/sign-in?tenant=${tenant}`);
  await page.getByLabel("Organisation").fill(tenant);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: /^Welcome/ }).waitFor();
}
