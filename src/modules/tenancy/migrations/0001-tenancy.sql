-- Partners (ERP resellers, MSPs) run Crossdock for many tenants (distributors). Users, API keys
-- and sessions belong to one tenant and are isolated by row-level security.
create schema if not exists tenancy;
grant usage on schema tenancy to crossdock_app;

create table tenancy.partners (
  id text primary key,
  name text not null,
  slug text not null unique,
  created_at timestamptz not null default now()
);
grant select on tenancy.partners to crossdock_app;

create table tenancy.tenants (
  id text primary key,
  partner_id text references tenancy.partners (id),
  name text not null,
  slug text not null unique,
  status text not null default 'active' check (status in ('active', 'suspended')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table tenancy.tenants enable row level security;
alter table tenancy.tenants force row level security;
create policy own_tenant on tenancy.tenants using (id = platform.current_tenant());
grant select on tenancy.tenants to crossdock_app;

create table tenancy.users (
  tenant_id text not null references tenancy.tenants (id),
  id text primary key,
  email text not null,
  name text not null,
  password_hash text,
  roles text[] not null default '{}',
  status text not null default 'active' check (status in ('active', 'disabled')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_sign_in_at timestamptz
);
create unique index users_email on tenancy.users (tenant_id, lower(email));
select platform.isolate_by_tenant('tenancy.users');

create table tenancy.api_keys (
  tenant_id text not null references tenancy.tenants (id),
  id text primary key,
  name text not null,
  -- sha256 of the secret; the secret itself is shown once and never stored
  secret_hash text not null,
  scopes text[] not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  revoked_by text,
  last_used_at timestamptz
);
create index api_keys_tenant on tenancy.api_keys (tenant_id, created_at);
select platform.isolate_by_tenant('tenancy.api_keys');

create table tenancy.sessions (
  -- sha256 of the cookie's token
  id text primary key,
  tenant_id text not null references tenancy.tenants (id),
  user_id text not null references tenancy.users (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index sessions_user on tenancy.sessions (tenant_id, user_id);
select platform.isolate_by_tenant('tenancy.sessions');
