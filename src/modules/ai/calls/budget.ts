import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { appendAudit } from "../../governance/index.ts";
import { Budget, type Usage } from "../contract/ai.ts";

type UsageRow = {
  monthly_cost_limit: string | null;
  calls_per_minute: number | null;
  month_cost: string | null;
  month_calls: string | number;
  last_minute_calls: string | number;
};

/**
 * A tenant's budget for model calls: a monthly cost cap and a rate limit, checked before each
 * call against the call log (answered calls' cost this calendar month, in UTC; calls of any
 * outcome in the last minute). Two calls checked at the same moment may both pass: the cap can
 * be overshot by the calls in flight, never by more.
 */
export function createBudgets(db: Database) {
  return {
    async usage(tenantId: string): Promise<Usage> {
      const [row] = await withTenant(db, tenantId, (tx) =>
        rows<UsageRow>(
          tx,
          sql`select b.monthly_cost_limit, b.calls_per_minute,
                (select coalesce(sum(cost), 0) from ai.calls
                  where tenant_id = ${tenantId} and outcome = 'ok' and at >= date_trunc('month', now() at time zone 'utc') at time zone 'utc') as month_cost,
                (select count(*) from ai.calls
                  where tenant_id = ${tenantId} and outcome = 'ok' and at >= date_trunc('month', now() at time zone 'utc') at time zone 'utc') as month_calls,
                (select count(*) from ai.calls where tenant_id = ${tenantId} and at > now() - interval '1 minute') as last_minute_calls
              from (select 1) one left join ai.budgets b on b.tenant_id = ${tenantId}`,
        ),
      );
      return {
        monthly_cost_limit: row?.monthly_cost_limit === null || !row ? null : Number(row.monthly_cost_limit).toFixed(2),
        calls_per_minute: row?.calls_per_minute ?? null,
        month_cost: Number(row?.month_cost ?? 0).toFixed(6),
        month_calls: Number(row?.month_calls ?? 0),
        last_minute_calls: Number(row?.last_minute_calls ?? 0),
      };
    },

    async set(ctx: WriteContext, input: unknown): Promise<Budget> {
      const parsed = Budget.safeParse(input);
      if (!parsed.success)
        throw new AppError("validation_failed", "The AI budget is not valid", {
          details: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
        });
      const budget = parsed.data;
      await withTenant(db, ctx.tenantId, async (tx) => {
        await tx.execute(sql`insert into ai.budgets (tenant_id, monthly_cost_limit, calls_per_minute, updated_by)
          values (${ctx.tenantId}, ${budget.monthly_cost_limit}, ${budget.calls_per_minute}, ${`${ctx.actor.type}:${ctx.actor.id}`})
          on conflict (tenant_id) do update set monthly_cost_limit = excluded.monthly_cost_limit,
            calls_per_minute = excluded.calls_per_minute, updated_by = excluded.updated_by, updated_at = now()`);
        await appendAudit(tx, {
          ...ctx,
          action: "ai_budget.set",
          resourceType: "ai_budget",
          resourceId: ctx.tenantId,
          data: budget,
        });
      });
      return budget;
    },
  };
}

export type Budgets = ReturnType<typeof createBudgets>;

/** Why a call may not be made now: over the month's cap, or over the rate limit; null when it may. */
export function budgetRefusal(usage: Usage): { outcome: "over_budget" | "rate_limited"; message: string } | null {
  if (usage.monthly_cost_limit !== null && Number(usage.month_cost) >= Number(usage.monthly_cost_limit))
    return {
      outcome: "over_budget",
      message: `This month's model calls cost ${Number(usage.month_cost).toFixed(2)}, at the tenant's cap of ${usage.monthly_cost_limit}`,
    };
  if (usage.calls_per_minute !== null && usage.last_minute_calls >= usage.calls_per_minute)
    return {
      outcome: "rate_limited",
      message: `The tenant made ${usage.last_minute_calls} model calls in the last minute, its limit is ${usage.calls_per_minute}`,
    };
  return null;
}
