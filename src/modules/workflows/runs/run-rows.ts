import { sql } from "drizzle-orm";
import type { Run } from "../contract/index.ts";

const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());

export type RunRow = Omit<Run, "wait" | "links" | "created_at" | "updated_at" | "ended_at"> & {
  created_at: string;
  updated_at: string;
  ended_at: string | null;
  wait: { kind: "task" | "event" | "timer"; task_id: string | null; event_key: string | null; deadline: string | null } | null;
  links: Run["links"] | null;
};

/** A run with its open wait and its record links, as one row. */
export const RUN_SELECT = sql.raw(`
  r.id, r.tenant_id, r.flow, r.flow_version, r.title, r.status, r.stage, r.input, r.output, r.error, r.parked_reason,
  r.started_by, r.created_at, r.updated_at, r.ended_at,
  (select jsonb_build_object('kind', w.kind, 'task_id', w.task_id, 'event_key', w.event_key,
            'deadline', to_char(w.deadline at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
     from workflows.waits w where w.run_id = r.id and w.resolved_at is null order by w.seq desc limit 1) as wait,
  (select coalesce(jsonb_agg(jsonb_build_object('type', l.record_type, 'id', l.record_id, 'label', l.label)), '[]'::jsonb)
     from workflows.run_links l where l.run_id = r.id) as links`);

export function toRun(row: RunRow): Run {
  return {
    ...row,
    wait: row.wait,
    links: row.links ?? [],
    created_at: iso(row.created_at) as string,
    updated_at: iso(row.updated_at) as string,
    ended_at: iso(row.ended_at),
  };
}
