-- A TA1 answers an interchange whose sender asked for one (ISA14 = 1), kept and delivered as the
-- 997s are: idempotency key `TA1:<receipt>:<ISA13>`.
alter table ingest.edi_documents drop constraint edi_documents_transaction_set_check;
alter table ingest.edi_documents add constraint edi_documents_transaction_set_check
  check (transaction_set in ('997', 'TA1', '855', '856', '810'));
