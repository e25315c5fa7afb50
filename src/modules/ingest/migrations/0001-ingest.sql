-- Where a tenant's data comes in from, and everything that came in, kept as it arrived.
create schema if not exists ingest;
grant usage on schema ingest to crossdock_app;

-- A source: an inbound webhook endpoint of one system (an ERP, a TMS, a web shop), and how its
-- payloads become canonical records (the mapping). The signing secret is sealed (AES-256-GCM).
create table ingest.sources (
  tenant_id text not null,
  id text primary key,
  name text not null,
  kind text not null check (kind in ('webhook')),
  system text not null,
  source_system text not null,
  mapping jsonb not null,
  secret_sealed text not null,
  status text not null default 'active' check (status in ('active', 'paused')),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (tenant_id, name)
);
select platform.isolate_by_tenant('ingest.sources');

-- A receipt: one payload as it arrived, stored before the sender is answered. It is processed
-- once (status received → processed), or kept in quarantine with the reason until it is fixed
-- and replayed. `produced` is its lineage: the records it wrote.
create table ingest.receipts (
  tenant_id text not null,
  id text primary key,
  source_id text not null references ingest.sources (id),
  delivery_id text not null,
  received_at timestamptz not null,
  content_type text,
  body bytea not null,
  body_sha256 text not null,
  status text not null check (status in ('received', 'processed', 'quarantined')),
  attempts integer not null default 0,
  -- A processor has it until then; a processor that died lets it go when the time is up.
  leased_until timestamptz,
  processed_at timestamptz,
  reason jsonb,
  produced jsonb,
  -- A payload corrected by a person before a replay; `body` keeps what the sender sent.
  corrected_body bytea,
  corrected_at timestamptz,
  unique (source_id, delivery_id)
);
select platform.isolate_by_tenant('ingest.receipts');
create index receipts_due on ingest.receipts (received_at) where status = 'received';
create index receipts_by_source on ingest.receipts (tenant_id, source_id, id desc);
create index receipts_quarantined on ingest.receipts (tenant_id, id desc) where status = 'quarantined';
create index receipts_produced on ingest.receipts using gin (produced jsonb_path_ops);
