create schema if not exists ingest;
grant usage on schema ingest to crossdock_app;

-- Outbound webhooks (webhooks-out/README.md): where a tenant's events are sent, each event's
-- delivery to each subscription, and every attempt to make it.

create table ingest.webhook_subscriptions (
  tenant_id text not null,
  id text primary key,
  url text not null check (length(url) <= 2048),
  description text,
  -- Exact event types (`records.shipment.upserted`) and prefixes ending in `*` (`records.*`, `*`).
  event_types text[] not null check (cardinality(event_types) between 1 and 50),
  status text not null check (status in ('active', 'paused')),
  -- The signing secret, sealed with the server's key (AES-256-GCM, bound to tenant and subscription);
  -- the API shows it once, then only its hint ("whsec_…abcd").
  secret_sealed text not null,
  secret_hint text not null,
  -- After a rotation the old secret also signs until it expires, so receivers can switch without a gap.
  previous_secret_sealed text,
  previous_secret_expires_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index webhook_subscriptions_tenant on ingest.webhook_subscriptions (tenant_id, id);
select platform.isolate_by_tenant('ingest.webhook_subscriptions');

-- One event to one subscription. The body is kept as sent, so every attempt and replay signs the
-- same bytes. (subscription_id, event_id) is unique: a dispatch of the same event again adds nothing.
create table ingest.webhook_deliveries (
  tenant_id text not null,
  id text primary key,
  subscription_id text not null references ingest.webhook_subscriptions (id) on delete cascade,
  -- The event's id; null for a ping.
  event_id text,
  event_type text not null,
  body text not null,
  status text not null check (status in ('pending', 'delivered', 'dead')),
  attempts integer not null default 0,
  -- When a pending delivery is next tried; while an attempt is in flight, when its lease ends.
  next_attempt_at timestamptz not null,
  -- Set while an attempt is in flight (a process that dies mid-send leaves it to expire).
  leased_until timestamptz,
  -- The first attempt of the current retry window (24 h); a replay starts a new window.
  window_started_at timestamptz,
  last_status_code integer,
  last_error text,
  created_at timestamptz not null,
  delivered_at timestamptz,
  dead_at timestamptz,
  unique (subscription_id, event_id)
);
-- The sender's claim: per subscription, the due pending deliveries in order.
create index webhook_deliveries_due on ingest.webhook_deliveries (subscription_id, next_attempt_at) where status = 'pending';
-- A subscription's deliveries, newest first (the API's list).
create index webhook_deliveries_by_subscription on ingest.webhook_deliveries (subscription_id, id);
create index webhook_deliveries_dead on ingest.webhook_deliveries (tenant_id) where status = 'dead';
select platform.isolate_by_tenant('ingest.webhook_deliveries');

create table ingest.webhook_attempts (
  tenant_id text not null,
  delivery_id text not null references ingest.webhook_deliveries (id) on delete cascade,
  number integer not null,
  started_at timestamptz not null,
  duration_ms integer not null,
  outcome text not null check (outcome in ('delivered', 'failed', 'timed_out')),
  status_code integer,
  error text,
  -- The first 1 KB of the receiver's answer.
  response_snippet text,
  primary key (delivery_id, number)
);
select platform.isolate_by_tenant('ingest.webhook_attempts');
