/** The Documents area's tabs and the scope that opens each (all of them read). */
export const DOCUMENT_SECTIONS = [
  { path: "/documents/queue", label: "Review queue" },
  { path: "/documents/all", label: "All documents" },
  { path: "/documents/quarantine", label: "Quarantine" },
  { path: "/documents/figures", label: "Figures" },
] as const;

export const DOCUMENT_SCOPES: readonly string[] = ["documents:read"];
