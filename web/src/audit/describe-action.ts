import type { AuditEntry } from "../contract.ts";

const VERBS: Record<string, string> = {
  upserted: "written",
  created: "created",
  revoked: "revoked",
  updated: "updated",
  signed_in: "signed in",
  branding_changed: "branding changed",
};

/** `records.sales_order.upserted` with 120 ids → "Sales order: 120 written". */
export function describeAction(entry: Pick<AuditEntry, "action" | "data" | "resource_type">): string {
  const parts = entry.action.split(".");
  const verb = parts.at(-1) ?? entry.action;
  const subject = (parts[0] === "records" ? parts[1] : parts.slice(0, -1).join(" ")) ?? entry.resource_type;
  const label = subject.replaceAll("_", " ");
  const readable = `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
  const data = entry.data as { inserted?: number; updated?: number };
  if (parts[0] === "records" && typeof data.inserted === "number") {
    const changed = (data.inserted ?? 0) + (data.updated ?? 0);
    return `${readable}: ${changed} written (${data.inserted} new)`;
  }
  return `${readable} ${VERBS[verb] ?? verb.replaceAll("_", " ")}`;
}
