-- Receipts are looked up by a record they wrote (`produced @> …`), so only receipts that produced
-- something need a place in that index. A NULL has one in a GIN index, so every receipt stored
-- added an entry (and a write to the index's pending list) as well as its processing; a partial
-- index takes the processed ones only. The planner sees that `produced @> x` implies the predicate.
drop index ingest.receipts_produced;
create index receipts_produced on ingest.receipts using gin (produced jsonb_path_ops) where produced is not null;

-- What a processor claims from the table: receipts stored while no processor had room for them.
-- Those handed over to a processor are leased and in flight (thousands under load), and the
-- claim used to scan past all of them through receipts_due to find the few it could take.
create index receipts_unleased on ingest.receipts (received_at, id) where status = 'received' and leased_until is null;
