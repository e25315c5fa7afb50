-- Which engine reads a tenant's documents: the layout rules (the default), or a model through the
-- AI layer when the tenant configured a provider; and, per document, which engine read it.
alter table documents.settings add column extractor text not null default 'rules' check (extractor in ('rules', 'model'));
alter table documents.documents add column extraction jsonb;
