import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";

/**
 * Lowers the scheduling priority of the calling thread alone (a higher nice value), so that when the
 * cores are busy the other threads of the process go first: a worker doing background work behind
 * a thread that answers requests. Linux schedules each thread on its own, and `/proc/thread-self`
 * names the caller's thread id; elsewhere a process has one priority for all its threads, so this
 * does nothing and says so. Raising nice needs no privilege.
 */
export function lowerThreadPriority(nice: number): { lowered: true; threadId: number } | { lowered: false; reason: string } {
  let threadId: number;
  try {
    threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
  } catch {
    return { lowered: false, reason: "this system does not schedule threads apart (no /proc/thread-self)" };
  }
  if (!Number.isInteger(threadId) || threadId <= 0) return { lowered: false, reason: "the thread id could not be read" };
  try {
    setPriority(threadId, nice);
  } catch (error) {
    return { lowered: false, reason: `the thread's priority could not be set: ${(error as Error).message}` };
  }
  return { lowered: true, threadId };
}
