-- Documents (README.md): every file that came in (uploaded, mailed, dropped in a folder), the text
-- of its pages, the documents found in it, and what became of each (straight through, or a
-- person's review).
create schema if not exists documents;
grant usage on schema documents to crossdock_app;

-- A file as it arrived, kept whole: once per content (SHA-256) and tenant, so the same file sent
-- twice is caught. An email's attachments are files of their own, with the email as `parent_id`.
-- A process leases a pending file while it reads it; a file that cannot be read is quarantined
-- with the reason and can be read again.
create table documents.files (
  tenant_id text not null,
  id text primary key,
  name text not null,
  -- What the first bytes say it is (pdf, png, jpeg, tiff, email, text), not its name.
  type text not null,
  size bigint not null,
  sha256 text not null,
  bytes bytea not null,
  channel text not null check (channel in ('upload', 'email', 'folder', 'edi', 'api')),
  -- Who sent it: an email's From, a folder's name, the uploader.
  sender text,
  parent_id text references documents.files (id),
  status text not null check (status in ('pending', 'reading', 'read', 'quarantined')),
  reason text,
  reason_detail text,
  attempts integer not null default 0,
  lease_owner text,
  leased_until timestamptz,
  received_at timestamptz not null,
  read_at timestamptz,
  unique (tenant_id, sha256)
);
select platform.isolate_by_tenant('documents.files');
create index files_pending on documents.files (received_at) where status in ('pending', 'reading');
create index files_parent on documents.files (parent_id) where parent_id is not null;

-- A page of a file as read: its text laid out, its words with their boxes, and the engine that
-- read it (pdftotext, pdfjs, tesseract, tesseract.js, email).
create table documents.pages (
  tenant_id text not null,
  file_id text not null references documents.files (id),
  page integer not null,
  width real not null,
  height real not null,
  unit text not null,
  engine text not null,
  confidence real,
  text text not null,
  words jsonb not null,
  primary key (file_id, page)
);
select platform.isolate_by_tenant('documents.pages');

-- A document found in a file (a file of several is split by its pages): its kind, the fields and
-- lines read with their confidences and places, its checks, and where it went.
create table documents.documents (
  tenant_id text not null,
  id text primary key,
  file_id text not null references documents.files (id),
  first_page integer not null,
  last_page integer not null,
  kind text not null,
  kind_confidence real not null,
  classification jsonb not null,
  fields jsonb not null,
  lines jsonb not null,
  checks jsonb not null,
  status text not null check (status in ('straight_through', 'review', 'approved', 'rejected')),
  -- Why a person must look (empty when it went straight through).
  reasons jsonb not null,
  -- Who wrote it, as read (a supplier's or customer's name) and as a key to learn by.
  sender_name text,
  sender_key text,
  document_number text,
  duplicate_of text references documents.documents (id),
  -- What it was routed to: a proposal (sales order, AP invoice, a POD for its shipment), or none.
  route jsonb,
  -- A reviewer's decision, corrections and comment.
  review jsonb,
  reviewed_by text,
  reviewed_at timestamptz,
  created_at timestamptz not null
);
select platform.isolate_by_tenant('documents.documents');
create index documents_queue on documents.documents (tenant_id, created_at) where status = 'review';
create index documents_by_file on documents.documents (file_id);
create index documents_by_number on documents.documents (tenant_id, kind, sender_key, document_number)
  where document_number is not null;
