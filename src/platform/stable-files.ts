/** A file as a listing shows it: its name (or path), size and modification time. */
export type ListedFile = { name: string; size: number; mtimeMs: number };

/**
 * Tells when a file dropped in a folder is complete: its size and modification time have held for `settleMs`
 * (with 0, at once — for writers that rename from `.part` when done). A file still being written
 * changes between looks, and waits.
 */
export function createStableFiles(settleMs: () => number) {
  const seen = new Map<string, { size: number; mtimeMs: number; since: number }>();
  return {
    /** `ready`, or how long to wait before looking again. */
    check(file: ListedFile, now: number): { ready: true } | { ready: false; waitMs: number } {
      const settle = settleMs();
      if (settle === 0) return { ready: true };
      const before = seen.get(file.name);
      if (!before || before.size !== file.size || before.mtimeMs !== file.mtimeMs) {
        seen.set(file.name, { size: file.size, mtimeMs: file.mtimeMs, since: now });
        return { ready: false, waitMs: settle };
      }
      const held = now - before.since;
      return held >= settle ? { ready: true } : { ready: false, waitMs: settle - held };
    },
    /** Forgets files no longer listed (moved away, deleted). */
    keepOnly(names: Set<string>): void {
      for (const name of seen.keys()) if (!names.has(name)) seen.delete(name);
    },
  };
}
