-- Timelines name who did something by their id (`actor`, e.g. user:usr_…), as the console names
-- people from the directory; the label they had then (a user's email, an API key's name) is kept
-- beside it, for whoever the directory does not know, rather than written into the entry's text.
alter table workflows.run_events add column actor_label text;

-- Entries written before said who in their text: the label moves beside the actor, as new ones keep it.
update workflows.run_events
   set label = 'Cancelled', actor_label = substr(label, length('Cancelled by ') + 1)
 where kind = 'cancelled' and label like 'Cancelled by %';
update workflows.run_events e
   set label = m.parts[1], actor_label = m.parts[2]
  from (select id, regexp_match(label, '^(Retried stage \S+) by (.+)$') as parts
          from workflows.run_events where kind = 'retried') m
 where m.id = e.id and m.parts is not null;
update workflows.run_events e
   set label = 'Chose ' || m.parts[2], actor_label = m.parts[1],
       detail = case when m.parts[4] is null then e.detail else e.detail || jsonb_build_object('on_behalf_of', m.parts[4]) end
  from (select id, regexp_match(label, '^(\S+) chose (".*")( for (\S+))?$') as parts
          from workflows.run_events where kind = 'resumed' and actor like 'user:%') m
 where m.id = e.id and m.parts is not null;

-- A delegate's approval names the colleague they stood in for by id too, not only by email.
alter table workflows.task_approvals add column on_behalf_of_user_id text;

-- record_run with the starter's label for its timeline's first entry.
drop function workflows.record_run(text, text, text, integer, text, jsonb, text, text, timestamptz, jsonb, text, text);
create function workflows.record_run(
  p_tenant_id text, p_id text, p_flow text, p_flow_version integer, p_title text, p_input jsonb,
  p_idempotency_key text, p_started_by text, p_started_by_label text, p_at timestamptz, p_links jsonb,
  p_event_id text, p_event_label text)
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
  insert into workflows.run_events (tenant_id, id, run_id, kind, label, detail, actor, actor_label)
  values (p_tenant_id, p_event_id, p_id, 'started', p_event_label, '{}', p_started_by, p_started_by_label);
end $$;
