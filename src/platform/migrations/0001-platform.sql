-- The platform's own tables, and the machinery every module's tables use for tenant isolation.

-- Tenant-scoped work runs as this role. It has no BYPASSRLS, so row-level security applies to it
-- even when the connecting user is the table owner or a superuser.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'crossdock_app') then
    create role crossdock_app nologin nosuperuser nobypassrls;
  end if;
exception when duplicate_object or unique_violation then
  null; -- another database on the same server created it at the same moment
end $$;

do $$
begin
  execute format('grant crossdock_app to %I', current_user);
exception when others then
  null; -- already a member, or a superuser who needs no grant
end $$;

create schema if not exists platform;
grant usage on schema platform to crossdock_app;

-- The tenant a transaction runs for; empty outside withTenant, so policies match nothing.
create or replace function platform.current_tenant() returns text
  language sql stable as $$ select nullif(current_setting('crossdock.tenant_id', true), '') $$;

-- Puts a table under tenant isolation: rows are visible and writable only for the current tenant.
create or replace function platform.isolate_by_tenant(target regclass) returns void
  language plpgsql as $$
begin
  execute format('alter table %s enable row level security', target);
  execute format('alter table %s force row level security', target);
  execute format('drop policy if exists tenant_isolation on %s', target);
  execute format(
    'create policy tenant_isolation on %s using (tenant_id = platform.current_tenant()) with check (tenant_id = platform.current_tenant())',
    target);
  execute format('grant select, insert, update, delete on %s to crossdock_app', target);
end $$;

-- The event log: appended in the same transaction as the change it reports (outbox).
-- tx_id lets a reader see events in commit-safe order (see events/README.md).
create table platform.events (
  seq bigserial primary key,
  tx_id xid8 not null default pg_current_xact_id(),
  id text not null unique,
  tenant_id text not null,
  type text not null,
  subject_type text not null,
  subject_id text not null,
  payload jsonb not null,
  actor text,
  request_id text,
  occurred_at timestamptz not null default now()
);
create index events_tx_order on platform.events (tx_id, seq);
create index events_subject on platform.events (tenant_id, subject_id, seq);
select platform.isolate_by_tenant('platform.events');
grant usage on sequence platform.events_seq_seq to crossdock_app;
-- Append-only for the application role.
revoke update, delete on platform.events from crossdock_app;

-- How far each subscriber has read the event log.
create table platform.event_cursors (
  subscriber text primary key,
  tx_id xid8 not null default '0',
  seq bigint not null default 0,
  updated_at timestamptz not null default now()
);

-- Responses to writes made with an Idempotency-Key, so a retry returns the first answer.
create table platform.idempotency_keys (
  tenant_id text not null,
  key text not null,
  method text not null,
  path text not null,
  request_hash text not null,
  status int,
  response jsonb,
  created_at timestamptz not null default now(),
  primary key (tenant_id, key)
);
select platform.isolate_by_tenant('platform.idempotency_keys');
