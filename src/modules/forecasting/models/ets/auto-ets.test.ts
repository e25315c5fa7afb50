import { describe, expect, it } from "vitest";
import { autoEts } from "./auto-ets.ts";

const noise = (t: number) => Math.sin(t * 12.9898) * 43758.5453 - Math.floor(Math.sin(t * 12.9898) * 43758.5453) - 0.5;
const allFinite = (r: ReturnType<typeof autoEts>) =>
  r.mean.every(Number.isFinite) && Object.values(r.quantiles).every((q) => q.every(Number.isFinite));

describe("autoEts", () => {
  it("continues a noiseless linear trend with a trend model", () => {
    const y = Array.from({ length: 30 }, (_, t) => 10 + 2 * t);
    const r = autoEts(y, { period: 1, h: 5 });
    expect(r.method).toMatch(/^ETS\([AM],Ad?,N\)$/);
    r.mean.forEach((f, i) => {
      expect(f).toBeCloseTo(70 + 2 * i, 1);
    });
  });

  it("gives a flat forecast near the mean for a pure level series", () => {
    const y = Array.from({ length: 60 }, (_, t) => 50 + 4 * noise(t));
    const r = autoEts(y, { period: 1, h: 8 });
    expect(r.method).toMatch(/N\)$/);
    const first = r.mean[0] as number;
    expect(first).toBeGreaterThan(48);
    expect(first).toBeLessThan(52);
    for (const f of r.mean) expect(f).toBeCloseTo(first, 6);
  });

  it("picks a seasonal model for a multiplicative seasonal series and reproduces its shape", () => {
    const shape = [0.5, 0.8, 1.5, 1.2];
    const y = Array.from({ length: 60 }, (_, t) => (100 + t) * (shape[t % 4] as number) * (1 + 0.02 * noise(t)));
    const r = autoEts(y, { period: 4, h: 8 });
    expect(r.method).toMatch(/,M\)$/);
    r.mean.forEach((f, i) => {
      const expected = (160 + i) * (shape[i % 4] as number);
      expect(Math.abs(f - expected) / expected).toBeLessThan(0.05);
    });
  });

  it("returns ordered quantiles that widen with the horizon", () => {
    const y = Array.from({ length: 80 }, (_, t) => 100 + 0.5 * t + 10 * Math.sin((2 * Math.PI * t) / 12) + 6 * noise(t));
    const r = autoEts(y, { period: 12, h: 18, quantiles: [0.025, 0.1, 0.5, 0.9, 0.975] });
    const keys = ["0.025", "0.1", "0.5", "0.9", "0.975"];
    for (let i = 0; i < 18; i++) {
      for (let k = 1; k < keys.length; k++) {
        expect(r.quantiles[keys[k] as string]?.[i]).toBeGreaterThanOrEqual(r.quantiles[keys[k - 1] as string]?.[i] as number);
      }
    }
    const width = (i: number) => (r.quantiles["0.975"]?.[i] as number) - (r.quantiles["0.025"]?.[i] as number);
    expect(width(0)).toBeGreaterThan(0);
    expect(width(17)).toBeGreaterThan(width(0));
  });

  it("simulated quantiles for multiplicative models are ordered and reproducible", () => {
    const y = Array.from(
      { length: 48 },
      (_, t) => (200 + 2 * t) * (1 + 0.4 * Math.sin((2 * Math.PI * t) / 12)) * (1 + 0.05 * noise(t)),
    );
    const a = autoEts(y, { period: 12, h: 12 });
    const b = autoEts(y, { period: 12, h: 12 });
    expect(a.quantiles).toEqual(b.quantiles);
    for (let i = 0; i < 12; i++) expect(a.quantiles["0.1"]?.[i]).toBeLessThan(a.quantiles["0.9"]?.[i] as number);
  });

  it("gives a flat forecast for a constant series", () => {
    const r = autoEts(Array(24).fill(7), { period: 12, h: 4 });
    expect(r.mean).toEqual([7, 7, 7, 7].map((v) => expect.closeTo(v, 6)));
    expect(allFinite(r)).toBe(true);
  });

  it("uses a nonseasonal model when n < 2·period", () => {
    const y = Array.from({ length: 20 }, (_, t) => 10 + 5 * Math.sin((2 * Math.PI * t) / 12));
    const r = autoEts(y, { period: 12, h: 12 });
    expect(r.method).toMatch(/,N\)$/);
    expect(allFinite(r)).toBe(true);
  });

  it.each([[[5]], [[5, 7]], [[5, 7, 6]]])("gives a finite flat forecast for the tiny series %j", (y) => {
    const r = autoEts(y, { period: 12, h: 3 });
    expect(allFinite(r)).toBe(true);
    expect(r.mean[0]).toBeGreaterThanOrEqual(Math.min(...y) - 1e-9);
    expect(r.mean[0]).toBeLessThanOrEqual(Math.max(...y) + 1e-9);
    expect(r.mean[2]).toBeCloseTo(r.mean[0] as number, 9);
  });

  it("never uses a multiplicative model on a series with zeros", () => {
    const y = Array.from({ length: 48 }, (_, t) => (t % 5 === 0 ? 0 : 20 + 10 * Math.sin((2 * Math.PI * t) / 12)));
    const r = autoEts(y, { period: 12, h: 6 });
    expect(r.method).not.toContain("M");
    expect(allFinite(r)).toBe(true);
  });

  it("rejects an empty series", () => {
    expect(() => autoEts([], { period: 1, h: 3 })).toThrow(RangeError);
  });
});
