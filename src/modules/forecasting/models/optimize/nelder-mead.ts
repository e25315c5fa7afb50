/**
 * A small bounded Nelder–Mead minimiser. Box bounds are enforced by clamping every trial point;
 * other constraints can be expressed by returning `Infinity` from the objective.
 * The objective receives a reused Float64Array: read it, do not keep it.
 */
export type NelderMeadOptions = {
  lower?: readonly number[];
  upper?: readonly number[];
  /** Initial simplex step per coordinate (default 10% of |x0|, at least 0.05). */
  step?: readonly number[];
  maxEval?: number;
  /** Stop when best and worst values differ by less than tol · (|best| + tol). */
  tol?: number;
};

export type NelderMeadResult = { x: number[]; value: number; evals: number };

export function nelderMead(
  objective: (x: Float64Array) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const d = x0.length;
  const maxEval = options.maxEval ?? 200 * Math.max(d, 1);
  const tol = options.tol ?? 1e-8;
  const lower = Float64Array.from({ length: d }, (_, i) => options.lower?.[i] ?? Number.NEGATIVE_INFINITY);
  const upper = Float64Array.from({ length: d }, (_, i) => options.upper?.[i] ?? Number.POSITIVE_INFINITY);
  const clamp = (v: Float64Array): void => {
    for (let i = 0; i < d; i++) v[i] = Math.min(upper[i] as number, Math.max(lower[i] as number, v[i] as number));
  };
  const safe = (v: number): number => (Number.isNaN(v) ? Number.POSITIVE_INFINITY : v);

  const pts: Float64Array[] = [];
  const vals = new Float64Array(d + 1);
  let evals = 0;
  const evaluate = (v: Float64Array): number => {
    evals++;
    return safe(objective(v));
  };
  for (let k = 0; k <= d; k++) {
    const p = Float64Array.from(x0);
    if (k > 0) {
      const i = k - 1;
      const xi = p[i] as number;
      const s = options.step?.[i] ?? 0.1 * Math.max(Math.abs(xi), 0.5);
      p[i] = xi + s;
      clamp(p);
      if (p[i] === xi) p[i] = xi - s; // hit the upper bound: step the other way
    }
    clamp(p);
    pts.push(p);
    vals[k] = evaluate(p);
  }
  if (d === 0) return { x: [], value: vals[0] as number, evals };

  const order = Array.from({ length: d + 1 }, (_, k) => k);
  const centroid = new Float64Array(d);
  const trial = new Float64Array(d);
  const trial2 = new Float64Array(d);
  const along = (out: Float64Array, from: Float64Array, coef: number): void => {
    for (let i = 0; i < d; i++) {
      const c = centroid[i] as number;
      out[i] = c + coef * ((from[i] as number) - c);
    }
    clamp(out);
  };

  while (evals < maxEval) {
    for (let a = 1; a <= d; a++) {
      // insertion sort: the simplex is nearly sorted after one replacement
      const k = order[a] as number;
      const v = vals[k] as number;
      let b = a - 1;
      while (b >= 0 && (vals[order[b] as number] as number) > v) {
        order[b + 1] = order[b] as number;
        b--;
      }
      order[b + 1] = k;
    }
    const best = order[0] as number;
    const worst = order[d] as number;
    const fBest = vals[best] as number;
    const fWorst = vals[worst] as number;
    if (Number.isFinite(fWorst) && fWorst - fBest <= tol * (Math.abs(fBest) + tol)) break;
    const fSecond = vals[order[d - 1] as number] as number;

    centroid.fill(0);
    for (let k = 0; k < d; k++) {
      const p = pts[order[k] as number] as Float64Array;
      for (let i = 0; i < d; i++) centroid[i] = (centroid[i] as number) + (p[i] as number) / d;
    }
    const pw = pts[worst] as Float64Array;
    along(trial, pw, -1);
    const fr = evaluate(trial);
    if (fr < fBest) {
      along(trial2, pw, -2);
      const fe = evaluate(trial2);
      if (fe < fr) {
        pw.set(trial2);
        vals[worst] = fe;
      } else {
        pw.set(trial);
        vals[worst] = fr;
      }
    } else if (fr < fSecond) {
      pw.set(trial);
      vals[worst] = fr;
    } else {
      const outside = fr < fWorst;
      along(trial2, outside ? trial : pw, 0.5);
      const fc = evaluate(trial2);
      if (fc < (outside ? fr : fWorst)) {
        pw.set(trial2);
        vals[worst] = fc;
      } else {
        const pb = pts[best] as Float64Array;
        for (let k = 0; k <= d; k++) {
          if (k === best) continue;
          const p = pts[k] as Float64Array;
          for (let i = 0; i < d; i++) p[i] = (pb[i] as number) + 0.5 * ((p[i] as number) - (pb[i] as number));
          clamp(p);
          vals[k] = evaluate(p);
        }
      }
    }
  }
  let bestK = 0;
  for (let k = 1; k <= d; k++) if ((vals[k] as number) < (vals[bestK] as number)) bestK = k;
  return { x: Array.from(pts[bestK] as Float64Array), value: vals[bestK] as number, evals };
}
