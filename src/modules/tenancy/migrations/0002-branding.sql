-- White-label branding. A partner sets it for all its tenants; a tenant sets it over its partner's.
-- A null field inherits: tenant, then partner, then Crossdock's defaults (see branding/effective-branding.ts).
-- Logos are kept as data URLs (PNG, JPEG, WebP or SVG, at most 256 KB).

create table tenancy.partner_branding (
  partner_id text primary key references tenancy.partners (id),
  product_name text,
  logo text,
  primary_color text,
  accent_color text,
  support_email text,
  support_url text,
  support_phone text,
  email_from_name text,
  updated_at timestamptz not null default now()
);
-- Tenant-scoped work reads its partner's branding (it is shown publicly anyway); only platform-level
-- work, which names the partner, writes it.
grant select on tenancy.partner_branding to crossdock_app;

create table tenancy.tenant_branding (
  tenant_id text primary key references tenancy.tenants (id),
  product_name text,
  logo text,
  primary_color text,
  accent_color text,
  support_email text,
  support_url text,
  support_phone text,
  email_from_name text,
  updated_at timestamptz not null default now()
);
select platform.isolate_by_tenant('tenancy.tenant_branding');
