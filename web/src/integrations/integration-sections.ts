/** The Integrations area's sections and the scopes (any one of them) that open each. */
export const INTEGRATION_SECTIONS = [
  { path: "/integrations/sources", label: "Sources", scopes: ["ingest:read"] },
  { path: "/integrations/receipts", label: "Receipts and quarantine", scopes: ["ingest:read"] },
  { path: "/integrations/webhooks", label: "Outbound webhooks", scopes: ["webhooks:read"] },
] as const;

export const INTEGRATION_SCOPES: readonly string[] = [...new Set(INTEGRATION_SECTIONS.flatMap((section) => section.scopes))];
