import { type PassLoop, startPassLoop } from "../../processing/pass-loop.ts";
import { type EdiProcessDeps, processDueInterchanges } from "./process-receipts.ts";

export type EdiProcessor = PassLoop;

/** Passes until one finds nothing due: what `drain` does when no processor runs (the CLI, a request that waits). */
export async function processUntilDone(deps: EdiProcessDeps): Promise<void> {
  while ((await processDueInterchanges(deps)) > 0);
}

/**
 * Processes stored interchanges in the background (see pass-loop.ts). One pass at a time per
 * process; other processes lease other interchanges.
 */
export function startEdiProcessor(deps: EdiProcessDeps): EdiProcessor {
  return startPassLoop(
    () => processDueInterchanges(deps),
    (error) =>
      deps.logger.error({ err: error }, "edi: a processing pass failed; its interchanges are retried when their lease ends"),
  );
}
