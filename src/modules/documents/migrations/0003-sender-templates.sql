-- What reviewers taught about each sender's documents (learn/README in the module's README): for a
-- sender (by key: its name folded) and a kind, where its documents print the fields the general
-- rules missed or misread, so the next document of theirs needs fewer corrections.
create table documents.sender_templates (
  tenant_id text not null,
  sender_key text not null,
  kind text not null,
  sender_name text,
  -- [{ field, anchor, position: in_cell | right | below }], one per field.
  rules jsonb not null,
  -- Reviews that taught it, and when it last learned.
  reviews integer not null default 0,
  updated_at timestamptz not null,
  primary key (tenant_id, sender_key, kind)
);
select platform.isolate_by_tenant('documents.sender_templates');
