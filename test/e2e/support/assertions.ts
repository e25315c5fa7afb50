import type { Locator } from "playwright-core";
import { expect } from "vitest";

/**
 * Waiting assertions for the browser: the page updates after a request returns, so each check
 * polls until it holds or times out (Vitest's expect.poll), then fails with what it last saw.
 */
const POLL = { timeout: 10_000, interval: 50 };

export async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: "visible", timeout: POLL.timeout });
}

export async function hasText(locator: Locator, expected: string | RegExp): Promise<void> {
  const read = () => locator.first().innerText({ timeout: POLL.timeout });
  if (typeof expected === "string") await expect.poll(async () => (await read()).trim(), POLL).toBe(expected);
  else await expect.poll(read, POLL).toMatch(expected);
}

/** `timeout`: for what the page shows only once background work is done (a run, a poll every few seconds). */
export async function containsText(locator: Locator, expected: string, timeout = POLL.timeout): Promise<void> {
  await expect.poll(() => locator.first().innerText({ timeout: POLL.timeout }), { ...POLL, timeout }).toContain(expected);
}

export async function count(locator: Locator, expected: number): Promise<void> {
  await expect.poll(() => locator.count(), POLL).toBe(expected);
}
