import type { AuditEntry } from "../contract.ts";

const VERBS: Record<string, string> = {
  upserted: "written",
  created: "created",
  revoked: "revoked",
  updated: "updated",
  signed_in: "signed in",
  branding_changed: "branding changed",
};

/** `records.sales_order.upserted` of 120 new records → "Sales order: 120 new"; `api_key.revoked` → "API key revoked". */
export function describeAction(entry: Pick<AuditEntry, "action" | "data" | "resource_type">): string {
  const parts = entry.action.split(".");
  const verb = parts.at(-1) ?? entry.action;
  const subject = (parts[0] === "records" ? parts[1] : parts.slice(0, -1).join(" ")) ?? entry.resource_type;
  const label = subject.replaceAll("_", " ").replace(/\bapi\b/, "API");
  const readable = `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
  const data = entry.data as { inserted?: number; updated?: number };
  if (parts[0] === "records" && typeof data.inserted === "number") {
    const counts = [data.inserted ? `${data.inserted} new` : "", data.updated ? `${data.updated} updated` : ""].filter(Boolean);
    return `${readable}: ${counts.length > 0 ? counts.join(", ") : "nothing changed"}`;
  }
  return `${readable} ${VERBS[verb] ?? verb.replaceAll("_", " ")}`;
}
