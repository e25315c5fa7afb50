import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import { seal, unseal } from "../../../platform/crypto.ts";
import type { Database, Tx } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { newId } from "../../../platform/ids.ts";
import type { Keyring } from "../../../platform/secret-key.ts";
import { appendAudit } from "../../governance/index.ts";
import { type Provider, ProviderInput } from "../contract/ai.ts";
import { ProviderNotFoundError } from "../errors.ts";

type Row = {
  id: string;
  tenant_id: string;
  name: string;
  kind: Provider["kind"];
  base_url: string | null;
  models: string[] | string;
  default_model: string;
  prices: Provider["prices"] | string;
  external: boolean;
  enabled: boolean;
  api_key_sealed: string | null;
  api_key_last4: string | null;
  created_at: string;
  updated_at: string;
};

/** A provider ready to call: its settings and its key, opened. */
export type OpenProvider = Provider & { apiKey: string | null };

const COLUMNS = sql.raw(
  "id, tenant_id, name, kind, base_url, models, default_model, prices, external, enabled, api_key_sealed, api_key_last4, created_at, updated_at",
);
const json = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;
/** The sealed key is bound to its tenant and provider: copied to another row, it does not open. */
const keyContext = (tenantId: string, providerId: string) => `ai.providers:${tenantId}:${providerId}:api_key`;

function toProvider(row: Row): Provider {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    base_url: row.base_url,
    models: json(row.models),
    default_model: row.default_model,
    prices: json(row.prices),
    external: row.external,
    enabled: row.enabled,
    api_key: row.api_key_last4 ? `••••${row.api_key_last4}` : null,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}

function parse(input: unknown) {
  const parsed = ProviderInput.safeParse(input);
  if (!parsed.success)
    throw new AppError("validation_failed", "The AI provider is not valid", {
      details: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    });
  return parsed.data;
}

async function findRow(tx: Tx, tenantId: string, ref: string): Promise<Row> {
  const [row] = await rows<Row>(
    tx,
    sql`select ${COLUMNS} from ai.providers where tenant_id = ${tenantId} and (id = ${ref} or name = ${ref})`,
  );
  if (!row) throw new ProviderNotFoundError(ref);
  return row;
}

const isUniqueViolation = (error: unknown): boolean => {
  for (let current = error as { code?: string; cause?: unknown } | undefined; current; current = current.cause as typeof current)
    if (current.code === "23505") return true;
  return false;
};

/**
 * The model providers a tenant allows: which endpoint, which models, their prices, whether data
 * sent there leaves the tenant (and is masked first). Keys are sealed at rest and never returned;
 * every change is audited without them.
 */
export function createProviders(deps: { db: Database; keyring: Keyring }) {
  const { db, keyring } = deps;
  const actorOf = (ctx: WriteContext) => `${ctx.actor.type}:${ctx.actor.id}`;

  async function save(ctx: WriteContext, id: string, input: unknown, existing: Row | null): Promise<Provider> {
    const parsed = parse(input);
    const sealed = parsed.api_key ? seal(await keyring.key(), parsed.api_key, keyContext(ctx.tenantId, id)) : null;
    const last4 = parsed.api_key ? parsed.api_key.slice(-4) : null;
    try {
      return await withTenant(db, ctx.tenantId, async (tx) => {
        const values = sql`${parsed.name}, ${parsed.kind}, ${parsed.base_url ?? null}, ${JSON.stringify(parsed.models)}::jsonb,
          ${parsed.default_model}, ${JSON.stringify(parsed.prices)}::jsonb, ${parsed.external}, ${parsed.enabled}`;
        const [row] = existing
          ? await rows<Row>(
              tx,
              sql`update ai.providers set (name, kind, base_url, models, default_model, prices, external, enabled) = (${values}),
                    api_key_sealed = coalesce(${sealed}, api_key_sealed), api_key_last4 = coalesce(${last4}, api_key_last4),
                    updated_by = ${actorOf(ctx)}, updated_at = now()
                  where tenant_id = ${ctx.tenantId} and id = ${id} returning ${COLUMNS}`,
            )
          : await rows<Row>(
              tx,
              sql`insert into ai.providers (tenant_id, id, name, kind, base_url, models, default_model, prices, external, enabled,
                    api_key_sealed, api_key_last4, created_by, updated_by)
                  values (${ctx.tenantId}, ${id}, ${values}, ${sealed}, ${last4}, ${actorOf(ctx)}, ${actorOf(ctx)})
                  returning ${COLUMNS}`,
            );
        const provider = toProvider(row as Row);
        const { api_key: _masked, ...audited } = provider;
        await appendAudit(tx, {
          ...ctx,
          action: existing ? "ai_provider.updated" : "ai_provider.created",
          resourceType: "ai_provider",
          resourceId: id,
          data: { ...audited, api_key_changed: sealed !== null },
        });
        return provider;
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError("conflict", `This tenant already has an AI provider named ${parsed.name}`, { cause: error });
      throw error;
    }
  }

  return {
    async list(tenantId: string): Promise<Provider[]> {
      return withTenant(db, tenantId, async (tx) =>
        (await rows<Row>(tx, sql`select ${COLUMNS} from ai.providers where tenant_id = ${tenantId} order by name`)).map(
          toProvider,
        ),
      );
    },

    async get(tenantId: string, ref: string): Promise<Provider> {
      return withTenant(db, tenantId, async (tx) => toProvider(await findRow(tx, tenantId, ref)));
    },

    create(ctx: WriteContext, input: unknown): Promise<Provider> {
      return save(ctx, newId("aip"), input, null);
    },

    /** Replaces a provider's settings; without `api_key`, the stored key is kept. */
    async update(ctx: WriteContext, ref: string, input: unknown): Promise<Provider> {
      const existing = await withTenant(db, ctx.tenantId, (tx) => findRow(tx, ctx.tenantId, ref));
      return save(ctx, existing.id, input, existing);
    },

    async remove(ctx: WriteContext, ref: string): Promise<void> {
      await withTenant(db, ctx.tenantId, async (tx) => {
        const row = await findRow(tx, ctx.tenantId, ref);
        await tx.execute(sql`delete from ai.providers where tenant_id = ${ctx.tenantId} and id = ${row.id}`);
        await appendAudit(tx, {
          ...ctx,
          action: "ai_provider.deleted",
          resourceType: "ai_provider",
          resourceId: row.id,
          data: { name: row.name },
        });
      });
    },

    /**
     * The enabled provider a call goes to: the one named, else the tenant's first enabled one
     * (by name); null when the tenant has none, and features use their embedded engines.
     */
    async open(tenantId: string, ref?: string): Promise<OpenProvider | null> {
      const row = await withTenant(db, tenantId, async (tx) => {
        if (ref) return findRow(tx, tenantId, ref);
        const [first] = await rows<Row>(
          tx,
          sql`select ${COLUMNS} from ai.providers where tenant_id = ${tenantId} and enabled order by name limit 1`,
        );
        return first ?? null;
      });
      if (!row?.enabled) return null;
      const apiKey = row.api_key_sealed ? unseal(await keyring.key(), row.api_key_sealed, keyContext(tenantId, row.id)) : null;
      return { ...toProvider(row), apiKey };
    },
  };
}

export type Providers = ReturnType<typeof createProviders>;
