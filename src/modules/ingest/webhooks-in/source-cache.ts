import type { WebhookSource } from "../sources/source-store.ts";

/** How long a source's secret and status are trusted from memory; a change made by another process shows within this. */
export const SOURCE_CACHE_MS = 10_000;
const MAX_ENTRIES = 10_000;

/**
 * The sources webhooks arrive for, kept in memory briefly: at thousands of webhooks a second,
 * reading the source and opening its sealed secret for each one would cost more than storing the
 * payload. Changes made through this process (a new secret, a pause) drop the entry at once; only
 * sources found are kept, so unknown ids cannot fill it. Webhooks that miss at the same moment (the
 * first burst, or every one arriving as an entry expires) share one load: each loading on its own
 * queued fifty reads behind each other, which on PGlite's one connection held a burst up for seconds.
 */
export function createSourceCache(load: (sourceId: string) => Promise<WebhookSource | undefined>, clock: () => Date) {
  const entries = new Map<string, { source: WebhookSource; until: number }>();
  const loading = new Map<string, Promise<WebhookSource | undefined>>();
  const loadOnce = (sourceId: string, now: number): Promise<WebhookSource | undefined> => {
    const inFlight = loading.get(sourceId);
    if (inFlight) return inFlight;
    const loaded: Promise<WebhookSource | undefined> = load(sourceId).then(
      (source) => {
        // Forgotten while it loaded (changed through this process): answered, but not kept.
        if (loading.get(sourceId) !== loaded) return source;
        loading.delete(sourceId);
        entries.delete(sourceId);
        if (source) {
          if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
          entries.set(sourceId, { source, until: now + SOURCE_CACHE_MS });
        }
        return source;
      },
      (error: unknown) => {
        if (loading.get(sourceId) === loaded) loading.delete(sourceId);
        throw error;
      },
    );
    loading.set(sourceId, loaded);
    return loaded;
  };
  return {
    async get(sourceId: string): Promise<WebhookSource | undefined> {
      const now = clock().getTime();
      const cached = entries.get(sourceId);
      if (cached && cached.until > now) return cached.source;
      return loadOnce(sourceId, now);
    },
    forget(sourceId: string): void {
      entries.delete(sourceId);
      // A load in flight may have read the source before the change: its answer is not kept.
      loading.delete(sourceId);
    },
  };
}
