/** Each section and the scopes (any one of them) that open it. */
export const SETTINGS_SECTIONS = [
  { path: "/settings/users", label: "Users and roles", scopes: ["users:read"] },
  { path: "/settings/api-keys", label: "API keys", scopes: ["api_keys:read"] },
  { path: "/settings/branding", label: "Branding", scopes: ["tenant:admin", "partner:admin"] },
  { path: "/settings/policies", label: "Policies", scopes: ["policies:read"] },
  { path: "/settings/connectors", label: "Connectors", scopes: ["actions:read"] },
  { path: "/settings/work-queues", label: "Work queues", scopes: ["tasks:read"] },
  { path: "/settings/delegations", label: "Delegations", scopes: ["tasks:decide"] },
  { path: "/settings/task-notifications", label: "Task notifications", scopes: ["tasks:admin"] },
  { path: "/settings/documents", label: "Documents", scopes: ["documents:admin"] },
] as const;
