-- Pull connectors (pull/README.md): sources Crossdock polls — REST APIs and SQL databases — on a
-- schedule, each resource read page by page from a saved cursor.

-- Each resource of a pull connector is also a source (kind 'pull'), so the rows it quarantines are
-- receipts of that source and the existing quarantine, replay and health work for them. 'pull' is
-- added to whatever kinds the check allows now (written as a list or as an array), and the check is
-- written back as a list, so this migration composes with others that add their own kinds, in any order.
do $$
declare
  kinds text[];
begin
  select coalesce(array_agg(distinct kind), array['webhook'])
    into kinds
    from pg_constraint c,
         regexp_matches(pg_get_constraintdef(c.oid), '''([^'']*)''', 'g') as m,
         unnest(string_to_array(trim(both '{}' from m[1]), ',')) as kind
   where c.conrelid = 'ingest.sources'::regclass and c.conname = 'sources_kind_check';
  if not 'pull' = any (kinds) then
    kinds := array_append(kinds, 'pull');
  end if;
  alter table ingest.sources drop constraint if exists sources_kind_check;
  execute format('alter table ingest.sources add constraint sources_kind_check check (kind in (%s))',
                 (select string_agg(quote_literal(kind), ', ' order by kind) from unnest(kinds) as kind));
end $$;

-- A connector (`pull_…`): how to reach the system (`connection`, its secrets taken out and sealed
-- in `secrets`, AES-256-GCM bound to tenant, connector and field), and its resources, each with
-- how to read a page and the mapping of its rows to records.
create table ingest.pull_connectors (
  tenant_id text not null,
  id text primary key,
  name text not null,
  kind text not null check (kind in ('rest', 'sql')),
  system text not null,
  source_system text not null,
  connection jsonb not null,
  secrets jsonb not null default '{}',
  resources jsonb not null,
  interval_seconds integer not null check (interval_seconds between 10 and 604800),
  status text not null default 'active' check (status in ('active', 'paused')),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (tenant_id, name)
);
select platform.isolate_by_tenant('ingest.pull_connectors');

-- A stream: one resource of one connector, as the scheduler sees it. `cursor` is where the next
-- page starts, saved after each page is written. A process running it holds a lease (a token and
-- until when, renewed while it runs); one that died lets it go when the time is up, and the next
-- process resumes the run (`run_id`) from the saved cursor.
create table ingest.pull_streams (
  tenant_id text not null,
  connector_id text not null references ingest.pull_connectors (id) on delete cascade,
  resource text not null,
  source_id text not null references ingest.sources (id),
  cursor jsonb,
  next_run_at timestamptz not null,
  -- Someone asked for a run now (a manual run); cleared when a run starts.
  requested_at timestamptz,
  run_id text,
  lease_token text,
  leased_until timestamptz,
  last_run_id text,
  last_success_at timestamptz,
  -- When the last successful run started: the data is at least that fresh.
  caught_up_at timestamptz,
  primary key (connector_id, resource)
);
select platform.isolate_by_tenant('ingest.pull_streams');
create index pull_streams_due on ingest.pull_streams (next_run_at);
create index pull_streams_source on ingest.pull_streams (source_id);

-- A run (`prun_…`): one pass over a stream, from its cursor to the last page. A run a crash
-- interrupted is resumed, not started again (`resumed` counts how often).
create table ingest.pull_runs (
  tenant_id text not null,
  id text primary key,
  connector_id text not null references ingest.pull_connectors (id) on delete cascade,
  resource text not null,
  trigger text not null check (trigger in ('schedule', 'manual')),
  status text not null check (status in ('running', 'succeeded', 'failed', 'stopped')),
  started_at timestamptz not null,
  finished_at timestamptz,
  pages integer not null default 0,
  rows_read integer not null default 0,
  rows_written integer not null default 0,
  rows_unchanged integer not null default 0,
  rows_quarantined integer not null default 0,
  requests integer not null default 0,
  retries integer not null default 0,
  resumed integer not null default 0,
  cursor_start jsonb,
  cursor_end jsonb,
  error jsonb
);
select platform.isolate_by_tenant('ingest.pull_runs');
create index pull_runs_by_connector on ingest.pull_runs (tenant_id, connector_id, id desc);
