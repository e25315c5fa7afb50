-- A run's first and last timeline entries ("Started …" by whom, and "Finished" with the output)
-- are read from the run's own row instead of being stored beside it: every run wrote both, and
-- each was an insert into a table with two indexes on the path of every start and finish (on the
-- server, a tenth of a run's own writes). The run keeps what the first entry said: its label, and
-- the label of who started it. Runs recorded before this keep their stored entries (get-run.ts
-- shows a stored entry rather than derive a second one).
alter table workflows.runs add column started_label text, add column started_by_label text;

drop function workflows.record_run(text, text, text, integer, text, jsonb, text, text, text, timestamptz, jsonb, text, text);
create function workflows.record_run(
  p_tenant_id text, p_id text, p_flow text, p_flow_version integer, p_title text, p_input jsonb,
  p_idempotency_key text, p_started_by text, p_started_by_label text, p_at timestamptz, p_links jsonb,
  p_started_label text)
returns void
language plpgsql as $$
begin
  insert into workflows.runs (tenant_id, id, flow, flow_version, title, status, stage, segment, input, idempotency_key,
    started_by, started_by_label, started_label, created_at, updated_at)
  values (p_tenant_id, p_id, p_flow, p_flow_version, p_title, 'running', 'start', 1, p_input, p_idempotency_key,
    p_started_by, p_started_by_label, p_started_label, p_at, p_at);
  if jsonb_array_length(p_links) > 0 then
    insert into workflows.run_links (tenant_id, run_id, record_type, record_id, label)
    select p_tenant_id, p_id, link.type, link.id, link.label
      from jsonb_to_recordset(p_links) as link (type text, id text, label text)
    on conflict do nothing;
  end if;
  insert into workflows.waits (tenant_id, run_id, seq, kind, then_stage, deadline, created_at, resolved_at, resume_stage)
  values (p_tenant_id, p_id, 0, 'timer', 'start', p_at, p_at, p_at, 'start');
end $$;

drop function workflows.finish_run(text, integer, jsonb, jsonb, timestamptz, text);
create function workflows.finish_run(p_run_id text, p_segment integer, p_state jsonb, p_output jsonb, p_at timestamptz)
returns jsonb
language plpgsql as $$
declare
  run record;
begin
  update workflows.runs r
     set status = 'succeeded', state = p_state, output = p_output, updated_at = p_at, ended_at = p_at
   where r.id = p_run_id and r.status not in ('succeeded', 'failed', 'cancelled')
     and not exists (select 1 from workflows.waits w where w.run_id = p_run_id and w.seq = p_segment)
  returning r.id, r.tenant_id, r.flow, r.flow_version, r.title, r.status, r.stage, r.output, r.error, r.parked_reason,
            r.started_by, r.created_at, r.updated_at, r.ended_at
       into run;
  if not found then
    return null;
  end if;
  update workflows.waits set dispatched_at = p_at
   where run_id = p_run_id and seq = p_segment - 1 and dispatched_at is null;
  -- The columns of run_summaries but input and segment; every wait of a finished run is resolved.
  return jsonb_build_object(
    'id', run.id, 'tenant_id', run.tenant_id, 'flow', run.flow, 'flow_version', run.flow_version, 'title', run.title,
    'status', run.status, 'stage', run.stage, 'output', run.output, 'error', run.error, 'parked_reason', run.parked_reason,
    'started_by', run.started_by, 'created_at', run.created_at, 'updated_at', run.updated_at, 'ended_at', run.ended_at,
    'wait', null,
    'links', (select coalesce(jsonb_agg(jsonb_build_object('type', l.record_type, 'id', l.record_id, 'label', l.label)), '[]'::jsonb)
                from workflows.run_links l where l.run_id = p_run_id));
end $$;
