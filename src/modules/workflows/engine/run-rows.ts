/** A run as a segment loads it: what the stage needs, and whether it may still run. */
export type LoadedRun = {
  status: string;
  flow: string;
  input: Record<string, unknown>;
  state: Record<string, unknown>;
  started_by: string;
  error: string | null;
};

export const TERMINAL_STATUSES = new Set(["succeeded", "failed", "cancelled"]);
