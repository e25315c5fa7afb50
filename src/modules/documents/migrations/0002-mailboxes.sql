-- Mailboxes (README.md, "Mail"): IMAP folders polled for mail, each message's whole
-- source taken once as a file of channel 'email'.
create table documents.mailboxes (
  tenant_id text not null,
  id text primary key,
  name text not null,
  host text not null,
  port integer not null check (port between 1 and 65535),
  -- tls: TLS from the first byte (993); starttls: plain, then STARTTLS, required (143);
  -- none: no encryption (a server on the same machine or network only).
  tls text not null check (tls in ('tls', 'starttls', 'none')),
  username text not null,
  -- The password, sealed (AES-256-GCM with the keyring) to tenant and mailbox: copied to another
  -- row it does not open. Never returned.
  password_sealed text not null,
  folder text not null default 'INBOX',
  -- What is done to a message once its file is stored: flagged \Seen, or moved to `move_to`.
  after_taking text not null check (after_taking in ('mark_seen', 'move')),
  move_to text,
  poll_seconds integer not null check (poll_seconds between 10 and 86400),
  status text not null check (status in ('active', 'paused')),
  -- The folder's UIDVALIDITY when last polled, and the highest UID taken under it: a message is
  -- taken when its UID is above last_uid; a new UIDVALIDITY starts again from the first message
  -- (messages taken before come back as duplicates of their files, by their bytes).
  uid_validity bigint,
  last_uid bigint not null default 0,
  last_polled_at timestamptz,
  -- Why the last poll failed or what it left (a message over the size limit); null after a clean poll.
  last_error text,
  last_error_at timestamptz,
  -- Messages not taken (too large), most recent first, at most 20: { uid, uid_validity, subject, from, size, reason, at }.
  skipped jsonb not null default '[]'::jsonb,
  -- A process polling the mailbox holds it until then; another takes it over after that.
  lease_owner text,
  leased_until timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (tenant_id, name),
  check ((after_taking = 'move') = (move_to is not null))
);
select platform.isolate_by_tenant('documents.mailboxes');
