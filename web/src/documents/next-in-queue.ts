/**
 * Where a reviewer goes from a document: after deciding it, the oldest other one waiting; when
 * skipping it, the one after it in the queue (the oldest other when it is the last). Undefined:
 * nothing else waits.
 */
export function nextInQueue(queue: readonly string[], current: string, skipping: boolean): string | undefined {
  const others = queue.filter((id) => id !== current);
  if (!skipping) return others[0];
  const at = queue.indexOf(current);
  return (at < 0 ? others : queue.slice(at + 1))[0] ?? others[0];
}
