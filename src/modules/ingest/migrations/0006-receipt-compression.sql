-- Payloads of a couple of KB are compressed as they are stored; lz4 does that several times faster
-- than PostgreSQL's default (pglz), which was the largest single cost of storing a webhook. Builds
-- without lz4 (PGlite) keep the default.
do $$
begin
  alter table ingest.receipts alter column body set compression lz4;
  alter table ingest.receipts alter column corrected_body set compression lz4;
exception when feature_not_supported then
  null;
end $$;
