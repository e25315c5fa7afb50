-- Durable processes that people and agents share: runs of flows, the waits that park them (an
-- approval, an external event, a timer) without holding a process, the tasks people decide, and
-- how those are delegated, queued, escalated and announced.
create schema if not exists workflows;
grant usage on schema workflows to crossdock_app;

create table workflows.runs (
  tenant_id text not null,
  id text primary key,
  flow text not null,
  flow_version integer not null,
  title text not null,
  status text not null check (status in ('running', 'waiting', 'succeeded', 'failed', 'cancelled', 'parked')),
  stage text not null,
  -- Each stage runs as one durable workflow, `<run id>.<segment>`; the next segment continues the run.
  segment integer not null default 1,
  input jsonb not null,
  -- What the flow keeps between stages (its own data, and the compensations registered so far).
  state jsonb not null default '{}',
  output jsonb,
  error text,
  parked_reason text,
  -- Where the run last failed, so a retry runs that stage again with what it was given.
  failed_stage text,
  failed_segment integer,
  idempotency_key text,
  started_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  ended_at timestamptz
);
create unique index runs_idempotency on workflows.runs (tenant_id, flow, idempotency_key) where idempotency_key is not null;
create index runs_listing on workflows.runs (tenant_id, id desc);
create index runs_status on workflows.runs (tenant_id, status, id desc);
select platform.isolate_by_tenant('workflows.runs');

-- The records a run concerns, so runs can be found by record.
create table workflows.run_links (
  tenant_id text not null,
  run_id text not null references workflows.runs (id) on delete cascade,
  record_type text not null,
  record_id text not null,
  label text,
  primary key (run_id, record_type, record_id)
);
create index run_links_record on workflows.run_links (tenant_id, record_id);
select platform.isolate_by_tenant('workflows.run_links');

-- A run's timeline: stages, waits, resumptions, compensations, failures, who did what.
create table workflows.run_events (
  tenant_id text not null,
  id text primary key,
  run_id text not null references workflows.runs (id) on delete cascade,
  at timestamptz not null default clock_timestamp(),
  kind text not null,
  label text not null,
  detail jsonb not null default '{}',
  actor text
);
create index run_events_run on workflows.run_events (run_id, at, id);
select platform.isolate_by_tenant('workflows.run_events');

-- A run parked at a wait. Nothing in memory waits on it: when it resolves (a decision, an event, its
-- deadline) the next segment is started, by whoever resolved it or, failing that, by the sweeper.
create table workflows.waits (
  tenant_id text not null,
  run_id text not null references workflows.runs (id) on delete cascade,
  seq integer not null,
  kind text not null check (kind in ('task', 'event', 'timer')),
  task_id text,
  event_key text,
  then_stage text not null,
  timeout_stage text,
  deadline timestamptz,
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  resume_stage text,
  resume_payload jsonb,
  dispatched_at timestamptz,
  primary key (run_id, seq)
);
create index waits_deadline on workflows.waits (deadline) where resolved_at is null and deadline is not null;
create index waits_undispatched on workflows.waits (resolved_at) where resolved_at is not null and dispatched_at is null;
create index waits_event on workflows.waits (tenant_id, event_key) where resolved_at is null and event_key is not null;
select platform.isolate_by_tenant('workflows.waits');

create table workflows.tasks (
  tenant_id text not null,
  id text primary key,
  run_id text references workflows.runs (id),
  flow text,
  kind text not null check (kind in ('approval', 'review')),
  title text not null,
  summary text not null,
  status text not null check (status in ('open', 'approved', 'rejected', 'decided', 'cancelled', 'expired')),
  assignee_type text not null check (assignee_type in ('role', 'user', 'queue')),
  assignee_id text not null,
  allowed_roles text[] not null default '{}',
  required_approvals integer not null default 1 check (required_approvals >= 1),
  options jsonb not null,
  context jsonb not null,
  requested_by jsonb not null,
  -- The ladder: [{ "after_seconds": n, "to": { "type": "role", "id": "operations_manager" } }, …]
  escalation jsonb not null default '[]',
  escalation_level integer not null default 0,
  due_at timestamptz,
  decision jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index tasks_open on workflows.tasks (tenant_id, status, id desc);
create index tasks_assignee on workflows.tasks (tenant_id, assignee_type, assignee_id) where status = 'open';
create index tasks_due on workflows.tasks (due_at) where status = 'open' and due_at is not null;
create index tasks_run on workflows.tasks (run_id);
select platform.isolate_by_tenant('workflows.tasks');

create table workflows.task_approvals (
  tenant_id text not null,
  task_id text not null references workflows.tasks (id),
  user_id text not null,
  label text not null,
  on_behalf_of text,
  at timestamptz not null default now(),
  comment text,
  primary key (task_id, user_id)
);
select platform.isolate_by_tenant('workflows.task_approvals');

create table workflows.task_events (
  tenant_id text not null,
  id text primary key,
  task_id text not null references workflows.tasks (id),
  at timestamptz not null default clock_timestamp(),
  kind text not null,
  actor jsonb not null,
  comment text,
  data jsonb not null default '{}'
);
create index task_events_task on workflows.task_events (task_id, at, id);
select platform.isolate_by_tenant('workflows.task_events');

create table workflows.delegations (
  tenant_id text not null,
  id text primary key,
  user_id text not null,
  delegate_user_id text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  check (ends_at > starts_at),
  check (user_id <> delegate_user_id)
);
create index delegations_delegate on workflows.delegations (tenant_id, delegate_user_id) where revoked_at is null;
select platform.isolate_by_tenant('workflows.delegations');

create table workflows.queues (
  tenant_id text not null,
  name text not null,
  description text not null default '',
  roles text[] not null default '{}',
  user_ids text[] not null default '{}',
  updated_at timestamptz not null default now(),
  primary key (tenant_id, name)
);
select platform.isolate_by_tenant('workflows.queues');

create table workflows.notification_settings (
  tenant_id text primary key,
  email boolean not null default true,
  webhook_url text,
  webhook_secret text,
  updated_at timestamptz not null default now()
);
select platform.isolate_by_tenant('workflows.notification_settings');

-- Every announcement, kept with its outcome: nothing sent is lost, nothing failed is silent.
create table workflows.notifications (
  tenant_id text not null,
  id text primary key,
  task_id text references workflows.tasks (id),
  channel text not null check (channel in ('email', 'webhook')),
  -- Who: the task's assignee for email ("role:csr", "user:usr_…", "queue:ap"), resolved when sent; the URL for a webhook.
  target text not null,
  event text not null check (event in ('task.created', 'task.escalated')),
  payload jsonb not null,
  status text not null check (status in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index notifications_task on workflows.notifications (task_id);
create index notifications_due on workflows.notifications (next_attempt_at) where status = 'pending';
select platform.isolate_by_tenant('workflows.notifications');
