import { type ProcessDeps, processDueReceipts } from "./process-receipts.ts";

/** How often the processor looks for receipts when nothing pokes it (another process may have stored them). */
const IDLE_MS = 500;

export type Processor = {
  /** Something was stored: look now rather than at the next tick. */
  poke(): void;
  /** Resolves once every receipt stored so far has been processed or quarantined. */
  drain(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Processes stored receipts in the background: a pass at once when poked, passes back to back while
 * they find a full batch, and a pass every IDLE_MS otherwise. One pass at a time per process; other
 * processes lease different receipts. A failing pass is logged and tried again at the next tick:
 * its receipts come back when their lease ends.
 */
export function startProcessor(deps: ProcessDeps): Processor {
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const pass = async (): Promise<number> => {
    try {
      const { processed, quarantined } = await processDueReceipts(deps);
      return processed + quarantined;
    } catch (error) {
      deps.logger.error({ err: error }, "ingest: a processing pass failed; its receipts are retried when their lease ends");
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
