import type { SourceSystemKind } from "../contract.ts";

/** The kinds of system a source can be, as people name them, in the order a form offers them. */
export const SYSTEM_LABELS: Record<SourceSystemKind, string> = {
  erp: "ERP",
  wms: "WMS",
  tms: "TMS",
  crm: "CRM",
  ecommerce: "eCommerce",
  carrier: "Carrier",
  other: "Other",
};

export const SYSTEM_KINDS = Object.keys(SYSTEM_LABELS) as SourceSystemKind[];
