import { sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db/database.ts";
import { rows } from "../../../platform/db/tenant-scope.ts";

/** A run as a segment loads it: what the stage needs, and whether it may still run. */
export type LoadedRun = {
  status: string;
  flow: string;
  input: Record<string, unknown>;
  state: Record<string, unknown>;
  started_by: string;
  error: string | null;
};

export async function lockRun(tx: Tx, runId: string): Promise<LoadedRun | undefined> {
  const [row] = await rows<LoadedRun>(
    tx,
    sql`select status, flow, input, state, started_by, error from workflows.runs where id = ${runId} for update`,
  );
  return row;
}

export const TERMINAL_STATUSES = new Set(["succeeded", "failed", "cancelled"]);
