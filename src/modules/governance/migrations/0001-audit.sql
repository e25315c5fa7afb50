-- The audit trail: append-only and hash-chained per tenant. Each entry's hash covers its content
-- and the previous entry's hash, so altering or removing a row breaks every link after it.
create schema if not exists governance;
grant usage on schema governance to crossdock_app;

create table governance.audit_entries (
  tenant_id text not null,
  seq bigint not null,
  id text not null unique,
  occurred_at timestamptz not null,
  actor_type text not null,
  actor_id text not null,
  actor_label text,
  action text not null,
  resource_type text not null,
  resource_id text not null,
  request_id text,
  data jsonb not null,
  prev_hash text not null,
  hash text not null,
  primary key (tenant_id, seq)
);
create index audit_entries_resource on governance.audit_entries (tenant_id, resource_type, resource_id);
create index audit_entries_time on governance.audit_entries (tenant_id, occurred_at);
select platform.isolate_by_tenant('governance.audit_entries');
revoke update, delete on governance.audit_entries from crossdock_app;

-- The head of each tenant's chain; locking it serialises appends for one tenant only.
create table governance.audit_heads (
  tenant_id text primary key,
  seq bigint not null,
  hash text not null
);
select platform.isolate_by_tenant('governance.audit_heads');

-- Refuse edits and deletes from anyone, the owner included. Someone with the power to drop this
-- trigger can still alter rows, and `crossdock audit verify` is what catches that.
create or replace function governance.refuse_audit_change() returns trigger
  language plpgsql as $$
begin
  raise exception 'the audit trail is append-only';
end $$;
create trigger audit_entries_append_only before update or delete on governance.audit_entries
  for each row execute function governance.refuse_audit_change();
