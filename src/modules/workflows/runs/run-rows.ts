import type { Run } from "../contract/index.ts";

const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());

/** A row of workflows.run_summaries (migrations/0002): a run with its open wait and its record links. */
export type RunRow = Omit<Run, "wait" | "links" | "created_at" | "updated_at" | "ended_at"> & {
  segment: number;
  created_at: string;
  updated_at: string;
  ended_at: string | null;
  wait: { kind: "task" | "event" | "timer"; task_id: string | null; event_key: string | null; deadline: string | null } | null;
  links: Run["links"] | null;
};

export function toRun(row: RunRow): Run {
  return { ...toRunWithoutInput(row), input: row.input };
}

export function toRunWithoutInput(row: Omit<RunRow, "input" | "segment">): Omit<Run, "input"> {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    flow: row.flow,
    flow_version: row.flow_version,
    title: row.title,
    status: row.status,
    stage: row.stage,
    output: row.output,
    error: row.error,
    parked_reason: row.parked_reason,
    wait: row.wait,
    links: row.links ?? [],
    started_by: row.started_by,
    created_at: iso(row.created_at) as string,
    updated_at: iso(row.updated_at) as string,
    ended_at: iso(row.ended_at),
  };
}
