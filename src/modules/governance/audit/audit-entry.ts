import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json.ts";

/** The hash of the chain before a tenant's first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** What an audit entry says; `data` holds before/after values or a digest of a bulk write. */
export type AuditEntry = {
  tenant_id: string;
  seq: number;
  id: string;
  occurred_at: string;
  actor_type: string;
  actor_id: string;
  actor_label: string | null;
  action: string;
  resource_type: string;
  resource_id: string;
  request_id: string | null;
  data: Record<string, unknown>;
};

export function hashEntry(prevHash: string, entry: AuditEntry): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(entry)).digest("hex");
}

export function digest(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}
