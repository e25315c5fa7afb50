/** How often a loop looks for work when nothing pokes it (another process may have stored some). */
const IDLE_MS = 500;

export type PassLoop = {
  /** Something was stored: look now rather than at the next tick. */
  poke(): void;
  /** Resolves once a pass has found nothing left to do. */
  drain(): Promise<void>;
  /** No pass starts after this; resolves when the running one ends. */
  stop(): Promise<void>;
};

/**
 * Runs `pass` in the background: at once when poked, back to back while passes find work (a pass
 * returns how much it did), and every IDLE_MS otherwise. One pass at a time; a poke during a pass
 * asks for another after it. A pass that throws goes to `onFailure` and is tried again at the
 * next tick: what it had leased comes back when the lease ends.
 */
export function startPassLoop(pass: () => Promise<number>, onFailure: (error: unknown) => void): PassLoop {
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const guarded = async (): Promise<number> => {
    try {
      return await pass();
    } catch (error) {
      onFailure(error);
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
        while ((await guarded()) > 0 && !stopped);
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
