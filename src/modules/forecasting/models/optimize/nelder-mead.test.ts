import { describe, expect, it } from "vitest";
import { nelderMead } from "./nelder-mead.ts";

describe("nelderMead", () => {
  it("minimises the Rosenbrock function", () => {
    const rosen = (x: Float64Array) => {
      const a = x[0] as number;
      const b = x[1] as number;
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    };
    const r = nelderMead(rosen, [-1.2, 1], { maxEval: 5000, tol: 1e-14 });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
    expect(r.value).toBeLessThan(1e-6);
  });

  it("keeps the solution inside the box", () => {
    const f = (x: Float64Array) => ((x[0] as number) - 3) ** 2 + ((x[1] as number) + 2) ** 2;
    const r = nelderMead(f, [0.5, 0.5], { lower: [0, 0], upper: [1, 1], maxEval: 2000 });
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(0, 6);
  });

  it("treats Infinity as infeasible", () => {
    // minimise (x - 2)^2 subject to x <= 1.5 expressed as a penalty
    const f = (x: Float64Array) => ((x[0] as number) > 1.5 ? Number.POSITIVE_INFINITY : ((x[0] as number) - 2) ** 2);
    const r = nelderMead(f, [0], { maxEval: 2000, tol: 1e-12 });
    expect(r.x[0]).toBeGreaterThan(1.49);
    expect(r.x[0]).toBeLessThanOrEqual(1.5);
  });

  it("respects the evaluation budget", () => {
    let calls = 0;
    const f = (x: Float64Array) => {
      calls++;
      return (x[0] as number) ** 2 + (x[1] as number) ** 2 + (x[2] as number) ** 2;
    };
    const r = nelderMead(f, [5, 5, 5], { maxEval: 50 });
    expect(calls).toBe(r.evals);
    expect(r.evals).toBeLessThanOrEqual(50 + 3);
  });
});
