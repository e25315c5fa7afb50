import type { ClaimedReceipt } from "./process-receipts.ts";

/** What the processor thread starts with. */
export type ProcessorThreadData = { databaseUrl: string; poolSize: number; logLevel: string; room: SharedArrayBuffer };

/** From the webhook thread to the processor thread; `drain` and `stop` are answered `done` with their id. */
export type ToProcessor =
  | { type: "receipt"; receipt: ClaimedReceipt }
  | { type: "poke" }
  | { type: "drain"; id: number }
  | { type: "stop"; id: number };

export type FromProcessor =
  | { type: "ready" }
  | { type: "processed"; outcome: "processed" | "quarantined"; count: number }
  | { type: "done"; id: number; error?: string };
