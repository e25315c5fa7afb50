/**
 * mulberry32: a small, fast seeded generator of uniforms in [0, 1), for work that draws millions
 * of numbers (a scan's pixel noise, a forecast's simulated paths) and must draw the same ones again
 * from the same seed. Not for anything secret.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
