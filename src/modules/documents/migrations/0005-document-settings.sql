-- A tenant's tolerances for checking documents against the records: how far a price may stand over
-- the PO's cost (or from the agreed price), and a quantity over what was received, as fractions.
-- A tenant without a row has the shipped ones (validate/tolerances.ts).
create table documents.settings (
  tenant_id text primary key,
  price_tolerance numeric not null check (price_tolerance between 0 and 1),
  quantity_tolerance numeric not null check (quantity_tolerance between 0 and 1),
  updated_at timestamptz not null
);
select platform.isolate_by_tenant('documents.settings');

-- The kind a sender's documents are, as reviewers corrected it (by who sent the file: an email's
-- From), for documents of theirs whose kind the text does not make clear.
create table documents.sender_kinds (
  tenant_id text not null,
  sender text not null,
  kind text not null,
  reviews integer not null default 1,
  updated_at timestamptz not null,
  primary key (tenant_id, sender)
);
select platform.isolate_by_tenant('documents.sender_kinds');
