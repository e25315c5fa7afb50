-- EDI intake (edi-intake/README.md): a tenant's trading partners, the interchanges they send
-- (each a receipt of the partner's source, kind 'edi'), what became of each transaction set, the
-- documents Crossdock writes for them (997s, 855s, 856s, 810s) under its own control numbers, and
-- the files taken from their watched folders.

-- A partner is a source of kind 'edi', so its interchanges are receipts like a webhook's: listed,
-- quarantined, replayed and traced to the records they wrote. 'edi' is added to whatever kinds the
-- check allows now, so this migration composes with others that add their own kinds.
do $$
declare
  kinds text[];
begin
  select coalesce(array_agg(distinct m[1]), array['webhook'])
    into kinds
    from pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([a-z0-9_-]+)''', 'g') as m
   where c.conrelid = 'ingest.sources'::regclass and c.conname = 'sources_kind_check';
  if not 'edi' = any (kinds) then
    kinds := array_append(kinds, 'edi'::text);
  end if;
  alter table ingest.sources drop constraint if exists sources_kind_check;
  execute format('alter table ingest.sources add constraint sources_kind_check check (kind = any (%L::text[]))', kinds);
end $$;
-- Only webhook sources have a signing secret.
alter table ingest.sources alter column secret_sealed drop not null;

-- A trading partner (`tp_…`): who it is in the envelope (their ISA qualifier and id, unique per
-- tenant, so an interchange finds its partner), and its settings (contract/partners.ts) in `config`.
-- Its name, source_system and status are those of its source.
create table ingest.edi_partners (
  tenant_id text not null,
  id text primary key,
  source_id text not null unique references ingest.sources (id),
  name text not null,
  their_qualifier text not null,
  their_id text not null,
  config jsonb not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (tenant_id, name),
  unique (tenant_id, their_qualifier, their_id)
);
select platform.isolate_by_tenant('ingest.edi_partners');

-- Our control numbers towards a partner: ISA13 and GS06 of each document we write take the next
-- one (the row is locked until the document is stored, so numbers are never used twice).
create table ingest.edi_control_numbers (
  tenant_id text not null,
  partner_id text primary key references ingest.edi_partners (id),
  last_value bigint not null check (last_value between 1 and 999999999)
);
select platform.isolate_by_tenant('ingest.edi_control_numbers');

-- An interchange received, once processed: its envelope and what became of each set (accepted
-- with the records it wrote, or rejected with the problems, each naming its segment).
create table ingest.edi_interchanges (
  tenant_id text not null,
  receipt_id text primary key references ingest.receipts (id),
  partner_id text not null references ingest.edi_partners (id),
  sender text not null,
  receiver text not null,
  control_number text not null,
  usage text not null,
  sets jsonb not null,
  -- The 997s answering its groups (edi_documents ids).
  acknowledgments jsonb not null default '[]',
  processed_at timestamptz not null
);
select platform.isolate_by_tenant('ingest.edi_interchanges');
create index edi_interchanges_by_partner on ingest.edi_interchanges (tenant_id, partner_id, receipt_id desc);

-- A document written for a partner (`edoc_…`), kept as sent. `idempotency_key` makes each one once:
-- `997:<receipt>:<GS06>` for the answer to a group, `<set>:<record id>:<version>` for one made
-- from a record. `ack_*` is the partner's own 997 about it, once received.
create table ingest.edi_documents (
  tenant_id text not null,
  id text primary key,
  partner_id text not null references ingest.edi_partners (id),
  transaction_set text not null check (transaction_set in ('997', '855', '856', '810')),
  control_number bigint not null,
  idempotency_key text not null,
  file_name text not null,
  record_type text,
  record_id text,
  record_version integer,
  answers jsonb,
  warnings jsonb not null default '[]',
  body text not null,
  delivery text not null check (delivery in ('stored', 'pending', 'delivered', 'failed')),
  delivered_to text,
  delivery_error text,
  delivered_at timestamptz,
  ack_status text,
  ack_receipt_id text,
  acknowledged_at timestamptz,
  created_at timestamptz not null,
  unique (partner_id, idempotency_key)
);
select platform.isolate_by_tenant('ingest.edi_documents');
create index edi_documents_by_partner on ingest.edi_documents (tenant_id, partner_id, id desc);
create index edi_documents_by_record on ingest.edi_documents (tenant_id, record_id) where record_id is not null;
create index edi_documents_by_control on ingest.edi_documents (partner_id, control_number);
create index edi_documents_undelivered on ingest.edi_documents (created_at) where delivery = 'pending';

-- A file taken from a partner's watched folder, once per content (SHA-256): the receipt it became
-- and where it was moved. A process that stopped before moving it finishes the move on restart.
create table ingest.edi_inbox_files (
  tenant_id text not null,
  partner_id text not null references ingest.edi_partners (id),
  sha256 text not null,
  file_name text not null,
  receipt_id text references ingest.receipts (id),
  outcome text check (outcome in ('processed', 'failed', 'duplicate')),
  report text,
  seen_at timestamptz not null,
  finished_at timestamptz,
  primary key (partner_id, sha256)
);
select platform.isolate_by_tenant('ingest.edi_inbox_files');
