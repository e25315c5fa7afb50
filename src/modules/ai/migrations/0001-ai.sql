-- The AI layer: the model providers each tenant allows (API keys encrypted), every model call
-- made through it (what left, what came back, tokens, cost, latency, outcome), and each tenant's
-- budget and rate limit.
create schema if not exists ai;
grant usage on schema ai to crossdock_app;

create table ai.providers (
  tenant_id text not null references tenancy.tenants (id),
  id text primary key,
  name text not null,
  kind text not null check (kind in ('openai-compatible', 'anthropic')),
  base_url text,
  -- the models this tenant may call through the provider, and the one used when a feature names none
  models jsonb not null,
  default_model text not null,
  -- prices per million tokens by model: {"gpt-4o-mini": {"input": "0.15", "output": "0.60"}}
  prices jsonb not null default '{}',
  -- whether text sent there leaves the tenant's own infrastructure: personal data is redacted first
  external boolean not null default true,
  enabled boolean not null default true,
  -- AES-256-GCM sealed (platform/crypto.ts), bound to the tenant and provider; last4 for display
  api_key_sealed text,
  api_key_last4 text,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_by text not null,
  updated_at timestamptz not null default now()
);
create unique index providers_name on ai.providers (tenant_id, name);
select platform.isolate_by_tenant('ai.providers');

create table ai.calls (
  tenant_id text not null references tenancy.tenants (id),
  id text primary key,
  at timestamptz not null default now(),
  actor_type text not null,
  actor_id text not null,
  feature text not null,
  operation text not null check (operation in ('object', 'text', 'embedding')),
  provider_id text,
  provider_name text,
  model text,
  external boolean not null,
  -- the prompt as it was sent (personal data masked for an external provider)
  system_prompt text,
  prompt text not null,
  redactions jsonb not null default '[]',
  context_ids jsonb not null default '[]',
  output jsonb,
  input_tokens int,
  output_tokens int,
  cost numeric(14, 6),
  latency_ms int,
  outcome text not null check (outcome in ('ok', 'error', 'over_budget', 'rate_limited', 'model_not_allowed')),
  error text,
  -- what a person did with the output: accepted, edited or rejected
  reviewed text check (reviewed in ('accepted', 'edited', 'rejected')),
  reviewed_by text,
  reviewed_at timestamptz
);
create index calls_recent on ai.calls (tenant_id, at desc);
create index calls_feature on ai.calls (tenant_id, feature, at desc);
select platform.isolate_by_tenant('ai.calls');

create table ai.budgets (
  tenant_id text primary key references tenancy.tenants (id),
  -- the most a calendar month's calls may cost (in the prices' currency); null: no cap
  monthly_cost_limit numeric(14, 2),
  -- the most calls a minute; null: no limit
  calls_per_minute int check (calls_per_minute is null or calls_per_minute > 0),
  updated_by text not null,
  updated_at timestamptz not null default now()
);
select platform.isolate_by_tenant('ai.budgets');
