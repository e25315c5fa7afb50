import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH to use another. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const chromiumMissing = !existsSync(CHROMIUM_PATH);
export const SKIP_REASON = `Chromium is not installed at ${CHROMIUM_PATH}: the console's browser tests need it (apt-get install -y chromium, or set CHROMIUM_PATH)`;

/** Where each run leaves screenshots of the main pages for a reviewer (git-ignored). */
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "..", "screenshots");

/**
 * Headless Chromium as this machine allows it: no sandbox (CI runs as root), and no background
 * networking, component updates or sync — the network is closed, and those would fail noisily.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
      "--disable-default-apps",
      "--disable-extensions",
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}
