/** Fills `out` with standard normal draws (Marsaglia's polar method, both outputs of each pair used). */
export function fillNormal(out: Float64Array, uniform: () => number): Float64Array {
  for (let i = 0; i < out.length; i += 2) {
    let u: number;
    let v: number;
    let r: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      r = u * u + v * v;
    } while (r >= 1 || r === 0);
    const k = Math.sqrt((-2 * Math.log(r)) / r);
    out[i] = u * k;
    if (i + 1 < out.length) out[i + 1] = v * k;
  }
  return out;
}
