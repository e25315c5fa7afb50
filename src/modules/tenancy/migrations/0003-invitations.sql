-- Invitations: a one-time link for a user created without a password to choose one. Only the
-- token's sha256 is kept. Sending a new invitation replaces the outstanding one.
create table tenancy.invitations (
  -- sha256 of the link's token
  id text primary key,
  tenant_id text not null references tenancy.tenants (id),
  user_id text not null references tenancy.users (id),
  created_by text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  replaced_at timestamptz
);
create index invitations_user on tenancy.invitations (tenant_id, user_id);
select platform.isolate_by_tenant('tenancy.invitations');
