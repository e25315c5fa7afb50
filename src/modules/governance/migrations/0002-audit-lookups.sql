-- Lookups the console makes on the trail.
-- A record's entries: those naming it as their resource, and batch upserts listing it in data.ids
-- (see list-entries.ts: `resource_id = $1 or data->'ids' @> '["$1"]'`, one bitmap OR of these two).
create index audit_entries_resource_id on governance.audit_entries (tenant_id, resource_id);
create index audit_entries_ids on governance.audit_entries using gin ((data -> 'ids') jsonb_path_ops);
-- The actor and action filters, and the facets (distinct actors and actions, found by skipping along these).
create index audit_entries_actor on governance.audit_entries (tenant_id, actor_type, actor_id, seq);
create index audit_entries_action on governance.audit_entries (tenant_id, action);
