import { type Scope, TENANT_SCOPES } from "./scopes.ts";

type RoleDefinition = {
  /** What the console shows. */
  label: string;
  /** One line: who holds it and what it lets them do. */
  description: string;
  scopes: readonly Scope[];
};

/** What the people who work the operation (CSRs, buyers, AP clerks, logistics) all hold. */
const WORKER_SCOPES: readonly Scope[] = [
  "records:read",
  "records:write",
  "tenant:read",
  "tasks:read",
  "tasks:decide",
  "workflows:read",
  "workflows:start",
  "actions:read",
  "policies:read",
  "documents:read",
  "documents:submit",
  "documents:review",
];

/** Built-in roles and the scopes they grant. Capabilities add their scopes here as they arrive. */
export const ROLES = {
  admin: {
    label: "Administrator",
    description: "Runs the tenant: users, API keys, settings and branding, and everything the other roles do.",
    scopes: [...TENANT_SCOPES],
  },
  operations_manager: {
    label: "Operations manager",
    description:
      "Oversees operations: approvals above thresholds, autonomy policies, stuck workflows; works the records, reads the audit trail, users, keys and events.",
    scopes: [
      "records:read",
      "records:write",
      "audit:read",
      "users:read",
      "api_keys:read",
      "tenant:read",
      "events:read",
      "tasks:read",
      "tasks:decide",
      "tasks:admin",
      "workflows:read",
      "workflows:start",
      "workflows:admin",
      "actions:read",
      "policies:read",
      "policies:admin",
      "ingest:read",
      "webhooks:read",
      "documents:read",
      "documents:submit",
      "documents:review",
      "documents:admin",
      "ai:read",
    ],
  },
  csr: {
    label: "Customer service rep",
    description: "Works customer accounts, orders and cases.",
    scopes: [...WORKER_SCOPES],
  },
  buyer: {
    label: "Buyer / planner",
    description: "Plans replenishment and works purchase orders and inbound shipments.",
    scopes: [...WORKER_SCOPES],
  },
  ap_clerk: {
    label: "AP / order-entry clerk",
    description: "Reviews invoices, customer POs and other documents.",
    scopes: [...WORKER_SCOPES],
  },
  logistics: {
    label: "Logistics coordinator",
    description: "Tracks shipments, receipts and deliveries.",
    scopes: [...WORKER_SCOPES],
  },
  auditor: {
    label: "Auditor",
    description: "Reads everything and verifies the audit trail; changes nothing.",
    scopes: [
      "records:read",
      "audit:read",
      "audit:verify",
      "users:read",
      "api_keys:read",
      "tenant:read",
      "events:read",
      "tasks:read",
      "workflows:read",
      "actions:read",
      "policies:read",
      "webhooks:read",
      "documents:read",
      "ai:read",
    ],
  },
  viewer: {
    label: "Viewer",
    description: "Reads the records; changes nothing.",
    scopes: ["records:read", "tenant:read"],
  },
  partner_admin: {
    label: "Partner administrator",
    description: "Administers every tenant of the partner, and the partner's own branding.",
    scopes: [...TENANT_SCOPES, "partner:admin"],
  },
} as const satisfies Record<string, RoleDefinition>;

export type RoleName = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as RoleName[];

export function isRoleName(value: string): value is RoleName {
  return value in ROLES;
}

export function scopesForRoles(roles: readonly string[]): Scope[] {
  const scopes = new Set<Scope>();
  for (const role of roles) if (isRoleName(role)) for (const scope of ROLES[role].scopes) scopes.add(scope);
  return [...scopes];
}

/** Every built-in role with its label, description and scopes, in declaration order. */
export function listRoles(): { name: RoleName; label: string; description: string; scopes: Scope[] }[] {
  return ROLE_NAMES.map((name) => ({
    name,
    label: ROLES[name].label,
    description: ROLES[name].description,
    scopes: [...ROLES[name].scopes],
  }));
}
