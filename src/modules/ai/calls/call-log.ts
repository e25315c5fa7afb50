import { sql } from "drizzle-orm";
import type { Actor, WriteContext } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { appendAudit } from "../../governance/index.ts";
import { type AiCall, type CallOutcome, type CallReview, CallsQuery } from "../contract/ai.ts";

/** A call as the layer records it, after it was answered or refused. */
export type CallEntry = {
  id: string;
  actor: Actor;
  feature: string;
  operation: AiCall["operation"];
  providerId: string | null;
  providerName: string | null;
  model: string | null;
  external: boolean;
  system: string | null;
  prompt: string;
  redactions: { kind: string; placeholder: string }[];
  contextIds: string[];
  output: unknown;
  inputTokens: number | null;
  outputTokens: number | null;
  cost: string | null;
  latencyMs: number | null;
  outcome: CallOutcome;
  error: string | null;
};

type Row = {
  id: string;
  at: string;
  actor_type: string;
  actor_id: string;
  feature: string;
  operation: AiCall["operation"];
  provider_name: string | null;
  model: string | null;
  external: boolean;
  system_prompt: string | null;
  prompt: string;
  redactions: AiCall["redactions"] | string;
  context_ids: string[] | string;
  output: unknown;
  input_tokens: number | null;
  output_tokens: number | null;
  cost: string | null;
  latency_ms: number | null;
  outcome: CallOutcome;
  error: string | null;
  reviewed: CallReview | null;
  reviewed_by: string | null;
};

const json = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

function toCall(row: Row): AiCall {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: { type: row.actor_type, id: row.actor_id },
    feature: row.feature,
    operation: row.operation,
    provider: row.provider_name,
    model: row.model,
    external: row.external,
    system_prompt: row.system_prompt,
    prompt: row.prompt,
    redactions: json(row.redactions),
    context_ids: json(row.context_ids),
    output: json(row.output),
    input_tokens: row.input_tokens,
    output_tokens: row.output_tokens,
    cost: row.cost === null ? null : Number(row.cost).toFixed(6),
    latency_ms: row.latency_ms,
    outcome: row.outcome,
    error: row.error,
    reviewed: row.reviewed,
    reviewed_by: row.reviewed_by,
  };
}

/** The log of every model call, per tenant: written once per call, read by the console and auditors. */
export function createCallLog(db: Database) {
  return {
    async record(tenantId: string, entry: CallEntry): Promise<void> {
      await withTenant(db, tenantId, (tx) =>
        tx.execute(sql`insert into ai.calls (tenant_id, id, actor_type, actor_id, feature, operation, provider_id, provider_name,
            model, external, system_prompt, prompt, redactions, context_ids, output, input_tokens, output_tokens, cost,
            latency_ms, outcome, error)
          values (${tenantId}, ${entry.id}, ${entry.actor.type}, ${entry.actor.id}, ${entry.feature}, ${entry.operation},
            ${entry.providerId}, ${entry.providerName}, ${entry.model}, ${entry.external}, ${entry.system}, ${entry.prompt},
            ${JSON.stringify(entry.redactions)}::jsonb, ${JSON.stringify(entry.contextIds)}::jsonb,
            ${entry.output === undefined || entry.output === null ? null : JSON.stringify(entry.output)}::jsonb,
            ${entry.inputTokens}, ${entry.outputTokens}, ${entry.cost}, ${entry.latencyMs}, ${entry.outcome}, ${entry.error})`),
      );
    },

    async list(tenantId: string, query: unknown = {}): Promise<AiCall[]> {
      const parsed = CallsQuery.parse(query);
      return withTenant(db, tenantId, async (tx) =>
        (
          await rows<Row>(
            tx,
            sql`select * from ai.calls where tenant_id = ${tenantId}
                ${parsed.feature ? sql`and feature = ${parsed.feature}` : sql``}
                ${parsed.outcome ? sql`and outcome = ${parsed.outcome}` : sql``}
                ${parsed.before ? sql`and id < ${parsed.before}` : sql``}
                order by id desc limit ${parsed.limit}`,
          )
        ).map(toCall),
      );
    },

    async get(tenantId: string, id: string): Promise<AiCall> {
      const [row] = await withTenant(db, tenantId, (tx) =>
        rows<Row>(tx, sql`select * from ai.calls where tenant_id = ${tenantId} and id = ${id}`),
      );
      if (!row) throw new AppError("not_found", `No AI call ${id} in this tenant`);
      return toCall(row);
    },

    /** What a person did with a call's output (accepted, edited, rejected): the basis for trust and tuning. */
    async review(ctx: WriteContext, id: string, reviewed: CallReview): Promise<AiCall> {
      return withTenant(db, ctx.tenantId, async (tx) => {
        const [row] = await rows<Row>(
          tx,
          sql`update ai.calls set reviewed = ${reviewed}, reviewed_by = ${`${ctx.actor.type}:${ctx.actor.id}`}, reviewed_at = now()
              where tenant_id = ${ctx.tenantId} and id = ${id} returning *`,
        );
        if (!row) throw new AppError("not_found", `No AI call ${id} in this tenant`);
        await appendAudit(tx, {
          ...ctx,
          action: "ai_call.reviewed",
          resourceType: "ai_call",
          resourceId: id,
          data: { reviewed },
        });
        return toCall(row);
      });
    },
  };
}

export type CallLog = ReturnType<typeof createCallLog>;
