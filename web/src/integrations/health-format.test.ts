import { describe, expect, it } from "vitest";
import { errorRateTone, formatDuration, formatRate, lagTone } from "./health-format.ts";

describe("formatDuration", () => {
  it("says seconds, minutes, hours and days as people do", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(44.6)).toBe("45 s");
    expect(formatDuration(60)).toBe("1 min");
    expect(formatDuration(3599)).toBe("59 min");
    expect(formatDuration(3600)).toBe("1 h");
    expect(formatDuration(3600 + 5 * 60)).toBe("1 h 5 min");
    expect(formatDuration(2 * 86_400 + 4 * 3600 + 59)).toBe("2 d 4 h");
    expect(formatDuration(-3)).toBe("0 s");
  });
});

describe("formatRate", () => {
  it("gives a percentage, never rounding a few errors away to 0%", () => {
    expect(formatRate(0)).toBe("0%");
    expect(formatRate(0.0004)).toBe("<0.1%");
    expect(formatRate(0.025)).toBe("2.5%");
    expect(formatRate(0.02)).toBe("2%");
    expect(formatRate(0.1234)).toBe("12%");
    expect(formatRate(1)).toBe("100%");
  });
});

describe("tones", () => {
  it("marks errors and lag by how worrying they are", () => {
    expect([0, 0.01, 0.2].map(errorRateTone)).toEqual(["good", "warn", "bad"]);
    expect([5, 300, 3600].map(lagTone)).toEqual(["neutral", "warn", "bad"]);
  });
});
