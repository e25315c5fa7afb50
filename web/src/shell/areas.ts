import { DOCUMENT_SCOPES } from "../documents/document-sections.ts";
import { INTEGRATION_SCOPES } from "../integrations/integration-sections.ts";
import { SETTINGS_SECTIONS } from "../settings/settings-sections.ts";

/**
 * The console's areas, in the order of DESIGN.md's interfaces; Integrations, which that list leaves
 * out, sits beside Records (the records it fills), for IT and integration engineers. An area is
 * either built (it has pages and needs one of `scopes` to be seen) or not yet: then it says so, and
 * shows no data.
 */
export type Area = {
  key: string;
  label: string;
  path: string;
  /** Any one of these lets a user see the area; none listed means every signed-in user. */
  scopes: readonly string[];
  built: boolean;
  /** For areas not built yet: what they will do, shown on their page. */
  promise?: string;
};

export const AREAS: readonly Area[] = [
  { key: "home", label: "Home", path: "/", scopes: [], built: true },
  { key: "inbox", label: "Inbox", path: "/inbox", scopes: ["tasks:read"], built: true },
  { key: "documents", label: "Documents", path: "/documents", scopes: DOCUMENT_SCOPES, built: true },
  {
    key: "planning",
    label: "Planning",
    path: "/planning",
    scopes: [],
    built: false,
    promise: "Demand forecasts per item and warehouse, their accuracy, and purchase proposals for buyers to approve in bulk.",
  },
  {
    key: "copilot",
    label: "Copilot",
    path: "/copilot",
    scopes: [],
    built: false,
    promise: "Questions about accounts, orders, contracts and prices, answered from your records and documents with citations.",
  },
  {
    key: "knowledge",
    label: "Knowledge",
    path: "/knowledge",
    scopes: [],
    built: false,
    promise: "The contracts, SOPs, pricing policies and catalogs the copilot answers from, with who may see each.",
  },
  { key: "workflows", label: "Workflows", path: "/workflows", scopes: ["workflows:read"], built: true },
  {
    key: "agents",
    label: "Agents",
    path: "/agents",
    scopes: [],
    built: false,
    promise: "The monitors that watch the operation, the autonomy each may use, and the policies that govern their actions.",
  },
  { key: "records", label: "Records", path: "/records", scopes: ["records:read"], built: true },
  { key: "integrations", label: "Integrations", path: "/integrations", scopes: INTEGRATION_SCOPES, built: true },
  { key: "audit", label: "Audit", path: "/audit", scopes: ["audit:read"], built: true },
  {
    key: "kpis",
    label: "KPIs",
    path: "/kpis",
    scopes: [],
    built: false,
    promise:
      "Order cycle time, touchless rate, fill rate, forecast accuracy, OTIF and the value Crossdock adds, against your baseline.",
  },
  {
    key: "settings",
    label: "Settings",
    path: "/settings",
    scopes: [...new Set(SETTINGS_SECTIONS.flatMap((section) => section.scopes))],
    built: true,
  },
];

export const canSeeArea = (area: Pick<Area, "scopes">, scopes: readonly string[]): boolean =>
  area.scopes.length === 0 || area.scopes.some((scope) => scopes.includes(scope));

export const UNBUILT_AREAS = AREAS.filter((area) => !area.built);
