/**
 * The external ids an import has read, with the line each was first on, in about 24 bytes per id
 * whatever its length: a 64-bit hash of the id in an open-addressing table of typed arrays,
 * rather than the strings themselves in a Map (over 100 bytes each). Two different ids share a
 * hash with odds of about 1 in 10^7 for a file of ten million records; if they ever did, the
 * later record would be reported as a repeat of the earlier line, never silently dropped.
 */

/** Two independent 32-bit lanes of a multiplicative string hash (cyrb53's mixing, kept whole). */
function hash64(text: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

export function createSeenKeys(initialCapacity = 1 << 12) {
  let capacity = initialCapacity;
  let high = new Uint32Array(capacity);
  let low = new Uint32Array(capacity);
  let lines = new Uint32Array(capacity); // 0: an empty slot (lines start at 1)
  let size = 0;

  function slotOf(h1: number, h2: number): number {
    let slot = h2 & (capacity - 1);
    while (lines[slot] !== 0 && (high[slot] !== h1 || low[slot] !== h2)) slot = (slot + 1) & (capacity - 1);
    return slot;
  }

  function grow() {
    const [oldHigh, oldLow, oldLines] = [high, low, lines];
    capacity *= 2;
    high = new Uint32Array(capacity);
    low = new Uint32Array(capacity);
    lines = new Uint32Array(capacity);
    for (let index = 0; index < oldLines.length; index++) {
      if (oldLines[index] === 0) continue;
      const slot = slotOf(oldHigh[index] as number, oldLow[index] as number);
      high[slot] = oldHigh[index] as number;
      low[slot] = oldLow[index] as number;
      lines[slot] = oldLines[index] as number;
    }
  }

  return {
    /** The line `key` was first seen on, or undefined, after which it is remembered as seen on `line`. */
    remember(key: string, line: number): number | undefined {
      const [h1, h2] = hash64(key);
      const slot = slotOf(h1, h2);
      if (lines[slot] !== 0) return lines[slot];
      high[slot] = h1;
      low[slot] = h2;
      lines[slot] = Math.max(1, line);
      size += 1;
      if (size * 2 > capacity) grow();
      return undefined;
    },
    get size() {
      return size;
    },
  };
}
