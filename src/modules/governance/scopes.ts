/**
 * What a caller may do, as `resource:verb`. Every HTTP route names the scope it needs (or says it
 * is public); API keys carry a subset; users get theirs through roles.
 */
export const SCOPES = [
  "records:read",
  "records:write",
  "audit:read",
  "audit:verify",
  "users:read",
  "users:admin",
  "api_keys:read",
  "api_keys:admin",
  "tenant:read",
  "tenant:admin",
  "events:read",
  // Human tasks and approvals: see the inbox, decide, and (admin) reassign anyone's tasks and delegations.
  "tasks:read",
  "tasks:decide",
  "tasks:admin",
  // Workflow runs: read their timelines, start flows, retry or cancel runs.
  "workflows:read",
  "workflows:start",
  "workflows:admin",
  // Governed writes to systems of record, the policies that decide them, and the connectors that carry them.
  "actions:read",
  "actions:execute",
  "policies:read",
  "policies:admin",
  "connectors:admin",
  // Inbound data: sources, everything received, quarantine; admin adds sources and replays receipts.
  "ingest:read",
  "ingest:admin",
  // Documents: read them and their files, send files in, review the queue; admin reads quarantined files again.
  "documents:read",
  "documents:submit",
  "documents:review",
  "documents:admin",
  // Outbound webhooks: read subscriptions and their deliveries; admin points the tenant's events at a URL, replays, pings.
  "webhooks:read",
  "webhooks:admin",
  // The AI layer: read the log of model calls (prompts as sent, outputs); admin sets providers, keys and the budget.
  "ai:read",
  "ai:admin",
  // Partner and platform administration: tenants of a partner, partners themselves.
  "partner:admin",
  "platform:admin",
] as const;

export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** Scopes a tenant-level admin may hand out; platform and partner scopes are never tenant-owned. */
export const TENANT_SCOPES: readonly Scope[] = SCOPES.filter((scope) => scope !== "platform:admin" && scope !== "partner:admin");
