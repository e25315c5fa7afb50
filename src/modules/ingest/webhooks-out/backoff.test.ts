import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY, retryDelayMs } from "./backoff.ts";

describe("retry delays", () => {
  it("draw between a floor of 1 s and a ceiling that doubles from 30 s up to an hour", () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 12].map((attempt) => retryDelayMs(DEFAULT_RETRY, attempt, 0.999_999_9));
    expect(ceilings.map((ms) => Math.round(ms / 1000))).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    expect(retryDelayMs(DEFAULT_RETRY, 5, 0)).toBe(1000);
    expect(retryDelayMs(DEFAULT_RETRY, 5, 0.5)).toBe(240_000);
  });

  it("are spread over the whole range (full jitter), not bunched at the ceiling", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const draws = Array.from({ length: 2000 }, () => retryDelayMs(DEFAULT_RETRY, 3, random()));
    const low = draws.filter((ms) => ms < 60_000).length;
    expect(Math.max(...draws)).toBeLessThanOrEqual(120_000);
    expect(low / draws.length).toBeGreaterThan(0.4);
    expect(low / draws.length).toBeLessThan(0.6);
  });
});
