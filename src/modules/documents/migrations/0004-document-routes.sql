-- What a document was matched to in the records (customer or supplier, PO, items), which its
-- route's proposal carries, and the workflow run its route started (a sales order, an AP invoice).
alter table documents.documents add column matches jsonb;
alter table documents.documents add column run_id text;

-- A file that was not a document but an EDI interchange, handed to the EDI intake: where it went
-- (the ingest receipt it became).
alter table documents.files add column handed_over text;
