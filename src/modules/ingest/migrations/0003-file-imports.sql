-- File drops (files/README.md): a folder or an SFTP directory a tenant's systems drop exports in
-- (CSV, XLSX, JSONL), and every file taken from it. A drop is a source of kind `file_drop`: its
-- name, mapping, source_system and status live in ingest.sources, so a row of a file that is
-- quarantined is a receipt of that source, listed, corrected and replayed like a webhook's.

-- 'file_drop' is added to whatever kinds the check allows now (written as a list or as an array),
-- and the check is written back as a list (each kind quoted on its own), so this migration composes
-- with others that add their own kinds, in any order.
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
  if not 'file_drop' = any (kinds) then
    kinds := array_append(kinds, 'file_drop');
  end if;
  alter table ingest.sources drop constraint if exists sources_kind_check;
  execute format('alter table ingest.sources add constraint sources_kind_check check (kind in (%s))',
                 (select string_agg(quote_literal(kind), ', ' order by kind) from unnest(kinds) as kind));
end $$;
-- Only webhook sources have a signing secret.
alter table ingest.sources alter column secret_sealed drop not null;

-- Where a drop's files come from, and how they are read. One row per file-drop source.
create table ingest.file_drops (
  tenant_id text not null,
  source_id text primary key references ingest.sources (id),
  location text not null check (location in ('folder', 'sftp')),
  -- folder: the path under the tenant's own folder of the drops root (CROSSDOCK_FILE_DROPS_DIR/<tenant id>/);
  -- sftp: the remote directory.
  folder text not null,
  -- sftp: host, port, username, auth ('password' | 'private_key'), host_fingerprint.
  sftp jsonb,
  -- sftp: the password or private key (and its passphrase), sealed (AES-256-GCM) to tenant and source.
  sftp_secret_sealed text,
  -- How rows are read: { type: csv | xlsx | jsonl, … } (contract/file-drops.ts).
  format jsonb not null,
  -- Which files of the folder are taken (a glob on the name, e.g. *.csv).
  pattern text not null,
  -- A file is taken once its size and modification time have held this long.
  settle_seconds integer not null check (settle_seconds between 0 and 3600),
  -- How often the folder is listed besides the file system's change events (SFTP has none).
  poll_seconds integer not null check (poll_seconds between 1 and 86400),
  -- Why the folder could not be listed when last tried (SFTP refused, folder gone); null once it can.
  scan_error text,
  scan_error_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
select platform.isolate_by_tenant('ingest.file_drops');
-- Two drops never watch the same local folder.
create unique index file_drops_folder on ingest.file_drops (tenant_id, folder) where location = 'folder';

-- A file taken from a drop, once per content (SHA-256) and drop: its status, progress, counts and
-- report. A process leases the row while it imports the file; `checkpoint_line` is the last line
-- whose records and quarantined rows are committed, so a run that stopped resumes after it.
create table ingest.file_imports (
  tenant_id text not null,
  id text primary key,
  source_id text not null references ingest.sources (id),
  file_name text not null,
  sha256 text not null,
  size bigint not null,
  origin text not null check (origin in ('folder', 'sftp', 'upload')),
  status text not null check (status in ('pending', 'running', 'processed', 'failed')),
  attempts integer not null default 0,
  -- Times a person ran it again (after it failed): rows quarantined by an earlier run and written by
  -- this one have their receipts marked processed.
  reruns integer not null default 0,
  lease_owner text,
  leased_until timestamptz,
  checkpoint_line bigint not null default 0,
  rows_read bigint not null default 0,
  inserted bigint not null default 0,
  updated bigint not null default 0,
  unchanged bigint not null default 0,
  rejected bigint not null default 0,
  skipped bigint not null default 0,
  -- The first problems, each with its line (the rest are counted, and all are in quarantine).
  problems jsonb not null default '[]',
  problems_omitted bigint not null default 0,
  -- A file that could not be read to its end: why, and the line.
  error jsonb,
  -- The same content dropped again, and not imported again.
  duplicates integer not null default 0,
  detected_at timestamptz not null,
  started_at timestamptz,
  finished_at timestamptz,
  -- Where the file went once imported (processed/… or failed/…), and when it was moved there.
  moved_to text,
  moved_at timestamptz,
  report jsonb,
  unique (source_id, sha256)
);
select platform.isolate_by_tenant('ingest.file_imports');
create index file_imports_by_source on ingest.file_imports (tenant_id, source_id, id desc);
create index file_imports_open on ingest.file_imports (detected_at) where status in ('pending', 'running');
