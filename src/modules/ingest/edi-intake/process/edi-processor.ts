import { type EdiProcessDeps, processDueInterchanges } from "./process-receipts.ts";

/** How often the processor looks for interchanges when nothing pokes it (another process may have stored them). */
const IDLE_MS = 500;

export type EdiProcessor = {
  /** Something was stored: look now rather than at the next tick. */
  poke(): void;
  /** Resolves once every interchange stored so far has been processed or quarantined. */
  drain(): Promise<void>;
  stop(): Promise<void>;
};

/** Passes until one finds nothing due: what `drain` does when no processor runs (the CLI, a request that waits). */
export async function processUntilDone(deps: EdiProcessDeps): Promise<void> {
  while ((await processDueInterchanges(deps)) > 0);
}

/**
 * Processes stored interchanges in the background: a pass at once when poked, passes back to back
 * while they find work, and a pass every IDLE_MS otherwise. One pass at a time per process; other
 * processes lease other interchanges. A failing pass is logged and tried again at the next tick.
 */
export function startEdiProcessor(deps: EdiProcessDeps): EdiProcessor {
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const pass = async (): Promise<number> => {
    try {
      return await processDueInterchanges(deps);
    } catch (error) {
      deps.logger.error({ err: error }, "edi: a processing pass failed; its interchanges are retried when their lease ends");
      return 0;
    }
  };
  const run = () => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    clearTimeout(timer);
    running = (async () => {
      do {
        again = false;
        while ((await pass()) > 0 && !stopped);
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
      if (!stopped) timer = setTimeout(run, IDLE_MS);
    });
    return running;
  };
  timer = setTimeout(run, 0);
  return {
    poke: () => void run(),
    async drain() {
      await run();
      if (running) await running;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
