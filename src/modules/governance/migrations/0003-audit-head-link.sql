-- One call appends an entry: it advances the tenant's head (locking it, so a tenant's appends are
-- serialised until each transaction ends) and inserts the entry linked to the hash the head held.
-- The head keeps that hash as prev_hash for the insert. A function, so its plans are made once per
-- connection: appends are on every write's path, and planning the statements each time cost as
-- much as running them.
alter table governance.audit_heads add column prev_hash text;

-- The entry's hash covers its seq, which only the locked head knows: the caller sends the entry's
-- canonical JSON in two parts around the seq (`before`, `after`), and the hash is sha256 of the
-- previous hash, a newline and the completed JSON, as audit-entry.ts's hashEntry computes it.
create function governance.append_audit(
  p_tenant_id text, p_id text, p_occurred_at timestamptz, p_actor_type text, p_actor_id text, p_actor_label text,
  p_action text, p_resource_type text, p_resource_id text, p_request_id text, p_data jsonb,
  p_json_before_seq text, p_json_after_seq text)
returns table (seq bigint, hash text)
language plpgsql as $$
declare
  head record;
begin
  for attempt in 1..2 loop
    update governance.audit_heads h
       set seq = h.seq + 1, prev_hash = h.hash,
           hash = encode(sha256(convert_to(h.hash || E'\n' || p_json_before_seq || (h.seq + 1)::text || p_json_after_seq, 'UTF8')), 'hex')
     where h.tenant_id = p_tenant_id
    returning h.seq, h.prev_hash, h.hash into head;
    exit when found;
    -- The tenant's first entry: its chain starts from the genesis hash.
    insert into governance.audit_heads (tenant_id, seq, hash) values (p_tenant_id, 0, repeat('0', 64))
    on conflict (tenant_id) do nothing;
  end loop;
  insert into governance.audit_entries (tenant_id, seq, id, occurred_at, actor_type, actor_id, actor_label, action,
    resource_type, resource_id, request_id, data, prev_hash, hash)
  values (p_tenant_id, head.seq, p_id, p_occurred_at, p_actor_type, p_actor_id, p_actor_label, p_action,
    p_resource_type, p_resource_id, p_request_id, p_data, head.prev_hash, head.hash);
  return query select head.seq, head.hash;
end $$;
