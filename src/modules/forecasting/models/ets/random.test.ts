import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../../../platform/mulberry32.ts";
import { fillNormal } from "./random.ts";

describe("random helpers", () => {
  it("the seeded sampler is reproducible and roughly standard normal", () => {
    const xs = Array.from(fillNormal(new Float64Array(20001), mulberry32(7)));
    const again = fillNormal(new Float64Array(5), mulberry32(7));
    expect(xs.slice(0, 5)).toEqual(Array.from(again));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(variance).toBeGreaterThan(0.95);
    expect(variance).toBeLessThan(1.05);
  });
});
