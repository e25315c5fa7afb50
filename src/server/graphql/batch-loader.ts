/**
 * A DataLoader in miniature: `load(key)` calls made while a query resolves one level of its
 * selection (every order's `customer`, say) are answered by one call of `batch`, made once the
 * resolvers of that level have all run; each distinct key is loaded once per request.
 */
export type BatchLoader<K, V> = { load(key: K): Promise<V> };

/** `batch` gets distinct keys and answers with one value per key, in the same order. */
export function createBatchLoader<K, V>(
  batch: (keys: K[]) => Promise<readonly V[]>,
  keyOf: (key: K) => string,
): BatchLoader<K, V> {
  const cache = new Map<string, Promise<V>>();
  let queue: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];

  async function dispatch() {
    const pending = queue;
    queue = [];
    try {
      const values = await batch(pending.map((entry) => entry.key));
      if (values.length !== pending.length) {
        throw new Error(`a batch of ${pending.length} keys was answered with ${values.length} values`);
      }
      pending.forEach((entry, i) => {
        entry.resolve(values[i] as V);
      });
    } catch (error) {
      for (const entry of pending) entry.reject(error);
    }
  }

  return {
    load(key) {
      const id = keyOf(key);
      const cached = cache.get(id);
      if (cached) return cached;
      const promise = new Promise<V>((resolve, reject) => {
        // setImmediate runs after every promise job and nextTick queued so far: by then the
        // resolvers of the level being executed have all asked for their keys.
        if (queue.length === 0) setImmediate(dispatch);
        queue.push({ key, resolve, reject });
      });
      cache.set(id, promise);
      return promise;
    },
  };
}
