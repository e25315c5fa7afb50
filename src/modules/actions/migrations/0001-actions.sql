-- Governed writes to systems of record: each action with its policy decision, approval, result and
-- compensation; the tenant's and partner's policy sets, every version kept; the connectors that
-- carry the writes (secrets encrypted); and the EDI control numbers each connector has handed out.
create schema if not exists actions;
grant usage on schema actions to crossdock_app;

create table actions.connectors (
  tenant_id text not null references tenancy.tenants (id),
  id text primary key,
  name text not null,
  kind text not null check (kind in ('rest', 'edi', 'email')),
  description text,
  -- the configuration with every secret replaced by {"$secret": "<field>"}
  config jsonb not null,
  -- the secrets, AES-256-GCM encrypted, by field: {"auth.token": {"ciphertext": "v1:…", "last4": "…"}}
  secrets jsonb not null default '{}',
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_by text not null,
  updated_at timestamptz not null default now(),
  -- deleted connectors are kept, so past actions still say where they wrote
  deleted_at timestamptz
);
create unique index connectors_name on actions.connectors (tenant_id, name) where deleted_at is null;
select platform.isolate_by_tenant('actions.connectors');

create table actions.actions (
  tenant_id text not null references tenancy.tenants (id),
  id text primary key,
  kind text not null,
  idempotency_key text not null,
  -- sha256 of what is written (kind, connector, payload): the same key with another body is refused
  request_hash text not null,
  connector text not null,
  connector_id text references actions.connectors (id),
  request jsonb not null,
  status text not null check (status in
    ('denied', 'awaiting_approval', 'executing', 'succeeded', 'failed', 'compensated', 'compensation_failed')),
  decision jsonb not null,
  approval jsonb,
  result jsonb,
  error jsonb,
  attempts int not null default 0,
  -- while executing: until when this attempt holds the action; a later attempt may take it over after
  lease_until timestamptz,
  cause_type text not null,
  cause_id text not null,
  run_id text,
  requested_by_type text not null,
  requested_by_id text not null,
  requested_by_label text,
  compensation jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  executed_at timestamptz,
  compensated_at timestamptz
);
create unique index actions_idempotency on actions.actions (tenant_id, idempotency_key);
create index actions_recent on actions.actions (tenant_id, id desc);
create index actions_status on actions.actions (tenant_id, status, id desc);
create index actions_kind on actions.actions (tenant_id, kind, id desc);
create index actions_run on actions.actions (tenant_id, run_id, id desc) where run_id is not null;
create index actions_cause on actions.actions (tenant_id, cause_type, cause_id, id desc);
select platform.isolate_by_tenant('actions.actions');

-- A tenant's own policy sets; every save is a new version.
create table actions.policy_sets (
  tenant_id text not null references tenancy.tenants (id),
  id text primary key,
  version int not null check (version > 0),
  text text not null,
  data jsonb not null,
  summary text not null,
  created_by_type text not null,
  created_by_id text not null,
  created_by_label text,
  created_at timestamptz not null default now(),
  unique (tenant_id, version)
);
select platform.isolate_by_tenant('actions.policy_sets');

-- A partner's default policy sets, for its tenants that have none of their own.
create table actions.partner_policy_sets (
  partner_id text not null references tenancy.partners (id),
  id text primary key,
  version int not null check (version > 0),
  text text not null,
  data jsonb not null,
  summary text not null,
  created_by_type text not null,
  created_by_id text not null,
  created_by_label text,
  created_at timestamptz not null default now(),
  unique (partner_id, version)
);
-- A tenant reads its own partner's sets, nobody else's; only platform-level work (which names the
-- partner) writes them.
alter table actions.partner_policy_sets enable row level security;
alter table actions.partner_policy_sets force row level security;
create policy own_partner on actions.partner_policy_sets
  using (partner_id = (select t.partner_id from tenancy.tenants t where t.id = platform.current_tenant()));
grant select on actions.partner_policy_sets to crossdock_app;

-- X12 interchange control numbers, per connector: the last one handed out.
create table actions.edi_control_numbers (
  tenant_id text not null references tenancy.tenants (id),
  connector_id text not null references actions.connectors (id),
  last_value bigint not null,
  primary key (tenant_id, connector_id)
);
select platform.isolate_by_tenant('actions.edi_control_numbers');

-- Every interchange written, with its control number: a retry of the same write sends the same
-- interchange again, so a number is never spent twice nor skipped.
create table actions.edi_interchanges (
  tenant_id text not null references tenancy.tenants (id),
  connector_id text not null references actions.connectors (id),
  control_number bigint not null,
  idempotency_key text not null,
  transaction_set text not null,
  document text not null,
  created_at timestamptz not null default now(),
  delivered_at timestamptz,
  primary key (tenant_id, connector_id, control_number),
  unique (tenant_id, connector_id, idempotency_key)
);
select platform.isolate_by_tenant('actions.edi_interchanges');
