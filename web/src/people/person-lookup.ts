import type { Person } from "../contract.ts";

/** Fetches the active people among `ids` (at most `max` of them); those it leaves out are not active. */
export type FetchPeople = (ids: readonly string[]) => Promise<Person[]>;

type Waiting = { resolve: (person: Person | null) => void; reject: (error: unknown) => void };

/**
 * Looks people up by id, many at once: the ids asked for within `waitMs` of each other go in one
 * request (several when there are more than `max`). Each answer is the person, or null when no
 * active person of the tenant has that id.
 */
export function createPersonLookup(fetchPeople: FetchPeople, { max, waitMs }: { max: number; waitMs: number }) {
  let pending: Map<string, Waiting[]> | null = null;

  async function flush(batch: Map<string, Waiting[]>) {
    const ids = [...batch.keys()];
    for (let start = 0; start < ids.length; start += max) {
      const chunk = ids.slice(start, start + max);
      try {
        const found = new Map((await fetchPeople(chunk)).map((person) => [person.id, person]));
        for (const id of chunk) for (const waiting of batch.get(id) ?? []) waiting.resolve(found.get(id) ?? null);
      } catch (error) {
        for (const id of chunk) for (const waiting of batch.get(id) ?? []) waiting.reject(error);
      }
    }
  }

  return (id: string): Promise<Person | null> =>
    new Promise((resolve, reject) => {
      if (!pending) {
        const batch = new Map<string, Waiting[]>();
        pending = batch;
        setTimeout(() => {
          pending = null;
          void flush(batch);
        }, waitMs);
      }
      pending.set(id, [...(pending.get(id) ?? []), { resolve, reject }]);
    });
}
