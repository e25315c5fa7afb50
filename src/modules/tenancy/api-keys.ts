import { sql } from "drizzle-orm";
import type { WriteContext } from "../../platform/actor.ts";
import { newSecret, sha256 } from "../../platform/crypto.ts";
import type { Database } from "../../platform/db/database.ts";
import { rows, textArray, withTenant } from "../../platform/db/tenant-scope.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { appendAudit, isScope, TENANT_SCOPES } from "../governance/index.ts";
import { formatApiKey } from "./api-key-format.ts";
import type { ApiKey, CreateApiKeyInput, CreatedApiKey } from "./contract/index.ts";
import type { Principal } from "./principal.ts";
import { iso, isoOrNull } from "./rows.ts";

type ApiKeyRow = Record<keyof ApiKey, unknown>;

const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id as string,
  tenant_id: row.tenant_id as string,
  name: row.name as string,
  scopes: row.scopes as string[],
  created_by: row.created_by as string,
  created_at: iso(row.created_at),
  expires_at: isoOrNull(row.expires_at),
  revoked_at: isoOrNull(row.revoked_at),
  last_used_at: isoOrNull(row.last_used_at),
});

const COLUMNS = sql.raw("id, tenant_id, name, scopes, created_by, created_at, expires_at, revoked_at, last_used_at");

/**
 * Creates a key whose scopes are a subset of the creator's: nobody hands out more than they hold.
 * The secret is returned once; only its sha256 is kept.
 */
export async function createApiKey(
  db: Database,
  ctx: WriteContext,
  creator: Principal,
  input: CreateApiKeyInput,
): Promise<CreatedApiKey> {
  const invalid = input.scopes.filter((scope) => !isScope(scope) || !TENANT_SCOPES.includes(scope));
  if (invalid.length > 0) {
    throw new AppError("validation_failed", `Unknown or non-tenant scopes: ${invalid.join(", ")}`, {
      details: [{ path: "scopes", message: `not grantable: ${invalid.join(", ")}` }],
    });
  }
  const beyond = input.scopes.filter((scope) => !creator.scopes.includes(scope as never));
  if (beyond.length > 0) {
    throw new AppError("forbidden", `You cannot grant scopes you do not hold: ${beyond.join(", ")}`);
  }
  if (input.expires_at && new Date(input.expires_at).getTime() <= Date.now()) {
    throw new AppError("validation_failed", "expires_at must be in the future", {
      details: [{ path: "expires_at", message: "in the past" }],
    });
  }
  const id = newId("key");
  const secret = newSecret();
  return withTenant(db, ctx.tenantId, async (tx) => {
    const [row] = await rows<ApiKeyRow>(
      tx,
      sql`insert into tenancy.api_keys (tenant_id, id, name, secret_hash, scopes, created_by, expires_at)
          values (${ctx.tenantId}, ${id}, ${input.name}, ${sha256(secret)}, ${textArray(input.scopes)}, ${`${ctx.actor.type}:${ctx.actor.id}`}, ${input.expires_at ?? null})
          returning ${COLUMNS}`,
    );
    const key = toApiKey(row as ApiKeyRow);
    await appendAudit(tx, { ...ctx, action: "api_key.created", resourceType: "api_key", resourceId: id, data: { after: key } });
    return { ...key, secret: formatApiKey(id, secret) };
  });
}

export async function listApiKeys(db: Database, tenantId: string): Promise<ApiKey[]> {
  return withTenant(db, tenantId, async (tx) =>
    (await rows<ApiKeyRow>(tx, sql`select ${COLUMNS} from tenancy.api_keys order by created_at, id`)).map(toApiKey),
  );
}

export async function revokeApiKey(db: Database, ctx: WriteContext, id: string): Promise<ApiKey> {
  return withTenant(db, ctx.tenantId, async (tx) => {
    const [before] = await rows<ApiKeyRow>(tx, sql`select ${COLUMNS} from tenancy.api_keys where id = ${id} for update`);
    if (!before) throw notFound("API key", id);
    if (before.revoked_at) return toApiKey(before);
    const [row] = await rows<ApiKeyRow>(
      tx,
      sql`update tenancy.api_keys set revoked_at = now(), revoked_by = ${`${ctx.actor.type}:${ctx.actor.id}`}
           where id = ${id} returning ${COLUMNS}`,
    );
    const key = toApiKey(row as ApiKeyRow);
    await appendAudit(tx, {
      ...ctx,
      action: "api_key.revoked",
      resourceType: "api_key",
      resourceId: id,
      data: { before: toApiKey(before), after: key },
    });
    return key;
  });
}
