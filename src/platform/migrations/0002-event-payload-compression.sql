-- An event carries its record whole (a Shopify order with its lines is about 2.6 KB as JSON), so
-- each is compressed as it is stored. lz4 does that faster than PostgreSQL's default (pglz): on the
-- events of a webhook bench, 79 µs an insert instead of 103 µs, about a tenth of what an upsert of
-- a sales order costs the database. Builds without lz4 (PGlite) keep the default.
do $$
begin
  alter table platform.events alter column payload set compression lz4;
exception when feature_not_supported then
  null;
end $$;
