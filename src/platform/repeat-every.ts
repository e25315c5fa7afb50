/**
 * Runs `pass` every `everyMs` until stopped, in the background (the timer does not keep the process
 * alive). A pass still running when the next is due is not queued behind it: that tick is skipped.
 * `pass` answers for its own failures; one that throws anyway is ignored, and the next tick runs.
 * `stop()` settles once a pass in flight has ended.
 */
export function repeatEvery(everyMs: number, pass: () => Promise<unknown>): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = pass()
      .catch(() => undefined)
      .finally(() => {
        running = undefined;
      });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
