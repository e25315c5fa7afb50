import { sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db/database.ts";
import { rows } from "../../../platform/db/tenant-scope.ts";
import type { DocumentKind } from "../classify/document-kinds.ts";
import type { TemplateRule } from "../learn/template-rules.ts";

/** A sender's learned rules for a kind (none when no review has taught any). */
export async function templateRules(tx: Tx, senderKey: string, kind: DocumentKind): Promise<TemplateRule[]> {
  const [found] = await rows<{ rules: TemplateRule[] }>(
    tx,
    sql`select rules from documents.sender_templates where sender_key = ${senderKey} and kind = ${kind}`,
  );
  return found?.rules ?? [];
}

/** Adds what a review taught to a sender's template: a field's new rule replaces its old one. */
export async function learnRules(
  tx: Tx,
  tenantId: string,
  sender: { key: string; name: string | null },
  kind: DocumentKind,
  taught: TemplateRule[],
  now: Date,
): Promise<void> {
  const rules = new Map((await templateRules(tx, sender.key, kind)).map((rule) => [rule.field, rule]));
  for (const rule of taught) rules.set(rule.field, rule);
  await tx.execute(sql`
    insert into documents.sender_templates (tenant_id, sender_key, kind, sender_name, rules, reviews, updated_at)
    values (${tenantId}, ${sender.key}, ${kind}, ${sender.name}, ${JSON.stringify([...rules.values()])}::jsonb, 1, ${now.toISOString()})
    on conflict (tenant_id, sender_key, kind) do update
      set rules = excluded.rules, reviews = documents.sender_templates.reviews + 1, updated_at = excluded.updated_at,
          sender_name = coalesce(excluded.sender_name, documents.sender_templates.sender_name)`);
}

/** The kind reviewers said a file sender's documents are (an email's From), if they said. */
export async function learnedKind(tx: Tx, sender: string): Promise<DocumentKind | null> {
  const [found] = await rows<{ kind: DocumentKind }>(
    tx,
    sql`select kind from documents.sender_kinds where sender = ${sender.trim().toLowerCase()}`,
  );
  return found?.kind ?? null;
}

export async function learnKind(tx: Tx, tenantId: string, sender: string, kind: DocumentKind, now: Date): Promise<void> {
  await tx.execute(sql`
    insert into documents.sender_kinds (tenant_id, sender, kind, updated_at)
    values (${tenantId}, ${sender.trim().toLowerCase()}, ${kind}, ${now.toISOString()})
    on conflict (tenant_id, sender) do update
      set kind = excluded.kind, updated_at = excluded.updated_at,
          reviews = case when documents.sender_kinds.kind = excluded.kind then documents.sender_kinds.reviews + 1 else 1 end`);
}
