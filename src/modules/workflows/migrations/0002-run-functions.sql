-- A run as the API shows it: with its open wait and the records it concerns. Read with the
-- reader's rights, so row-level security applies as on the tables.
create view workflows.run_summaries with (security_invoker = true) as
select r.id, r.tenant_id, r.flow, r.flow_version, r.title, r.status, r.stage, r.segment, r.input, r.output, r.error,
       r.parked_reason, r.started_by, r.created_at, r.updated_at, r.ended_at,
       (select jsonb_build_object('kind', w.kind, 'task_id', w.task_id, 'event_key', w.event_key,
                 'deadline', to_char(w.deadline at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
          from workflows.waits w where w.run_id = r.id and w.resolved_at is null order by w.seq desc limit 1) as wait,
       (select coalesce(jsonb_agg(jsonb_build_object('type', l.record_type, 'id', l.record_id, 'label', l.label)), '[]'::jsonb)
          from workflows.run_links l where l.run_id = r.id) as links
  from workflows.runs r;
grant select on workflows.run_summaries to crossdock_app;

-- Every run starts and most finish through these two, so they are functions: their plans are made
-- once per connection rather than for every run (on PGlite, planning cost more than writing).

-- Records a run as running its first stage, with the records it concerns (`p_links`: a JSON array
-- of {type, id, label}), the resolved wait 0 that triggers that stage, and its timeline's first entry.
create function workflows.record_run(
  p_tenant_id text, p_id text, p_flow text, p_flow_version integer, p_title text, p_input jsonb,
  p_idempotency_key text, p_started_by text, p_at timestamptz, p_links jsonb, p_event_id text, p_event_label text)
returns void
language plpgsql as $$
begin
  insert into workflows.runs (tenant_id, id, flow, flow_version, title, status, stage, segment, input, idempotency_key,
    started_by, created_at, updated_at)
  values (p_tenant_id, p_id, p_flow, p_flow_version, p_title, 'running', 'start', 1, p_input, p_idempotency_key,
    p_started_by, p_at, p_at);
  insert into workflows.run_links (tenant_id, run_id, record_type, record_id, label)
  select p_tenant_id, p_id, link.type, link.id, link.label
    from jsonb_to_recordset(p_links) as link (type text, id text, label text)
  on conflict do nothing;
  insert into workflows.waits (tenant_id, run_id, seq, kind, then_stage, deadline, created_at, resolved_at, resume_stage)
  values (p_tenant_id, p_id, 0, 'timer', 'start', p_at, p_at, p_at, 'start');
  insert into workflows.run_events (tenant_id, id, run_id, kind, label, detail, actor)
  values (p_tenant_id, p_event_id, p_id, 'started', p_event_label, '{}', p_started_by);
end $$;

-- Finishes a run with its output, unless it ended already (a replay after a crash, or a cancel while
-- the stage ran) or this segment already parked it at a wait: marks the wait that started the
-- segment dispatched, and says so in the timeline. Returns the run's summary (without its input),
-- or null when there was nothing to finish.
create function workflows.finish_run(
  p_run_id text, p_segment integer, p_state jsonb, p_output jsonb, p_at timestamptz, p_event_id text)
returns jsonb
language plpgsql as $$
declare
  run_tenant text;
begin
  update workflows.runs r
     set status = 'succeeded', state = p_state, output = p_output, updated_at = p_at, ended_at = p_at
   where r.id = p_run_id and r.status not in ('succeeded', 'failed', 'cancelled')
     and not exists (select 1 from workflows.waits w where w.run_id = p_run_id and w.seq = p_segment)
  returning r.tenant_id into run_tenant;
  if not found then
    return null;
  end if;
  update workflows.waits set dispatched_at = p_at
   where run_id = p_run_id and seq = p_segment - 1 and dispatched_at is null;
  insert into workflows.run_events (tenant_id, id, run_id, kind, label, detail, actor)
  values (run_tenant, p_event_id, p_run_id, 'succeeded', 'Finished', jsonb_build_object('output', p_output), null);
  return (select to_jsonb(s) - 'input' - 'segment' from workflows.run_summaries s where s.id = p_run_id);
end $$;
