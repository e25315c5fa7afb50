import type { WebhookSource } from "../sources/source-store.ts";

/** How long a source's secret and status are trusted from memory; a change made by another process shows within this. */
export const SOURCE_CACHE_MS = 10_000;
const MAX_ENTRIES = 10_000;

/**
 * The sources webhooks arrive for, kept in memory briefly: at thousands of webhooks a second,
 * reading the source and opening its sealed secret for each one would cost more than storing the
 * payload. Changes made through this process (a new secret, a pause) drop the entry at once; only
 * sources found are kept, so unknown ids cannot fill it.
 */
export function createSourceCache(load: (sourceId: string) => Promise<WebhookSource | undefined>, clock: () => Date) {
  const entries = new Map<string, { source: WebhookSource; until: number }>();
  return {
    async get(sourceId: string): Promise<WebhookSource | undefined> {
      const now = clock().getTime();
      const cached = entries.get(sourceId);
      if (cached && cached.until > now) return cached.source;
      const source = await load(sourceId);
      entries.delete(sourceId);
      if (source) {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
        entries.set(sourceId, { source, until: now + SOURCE_CACHE_MS });
      }
      return source;
    },
    forget(sourceId: string): void {
      entries.delete(sourceId);
    },
  };
}
