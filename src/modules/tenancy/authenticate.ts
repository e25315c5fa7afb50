import { sql } from "drizzle-orm";
import { sameHash, sha256 } from "../../platform/crypto.ts";
import type { Database } from "../../platform/db/database.ts";
import { rows } from "../../platform/db/tenant-scope.ts";
import { AppError } from "../../platform/errors.ts";
import { isScope, type Scope } from "../governance/index.ts";
import { parseApiKey } from "./api-key-format.ts";
import type { Principal } from "./principal.ts";

type KeyRow = {
  tenant_id: string;
  id: string;
  name: string;
  secret_hash: string;
  scopes: string[];
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  tenant_status: string;
  partner_id: string | null;
};

const LAST_USED_RESOLUTION_MS = 60_000;
const CACHE_TTL_MS = 5_000;

/**
 * Resolves `Authorization: Bearer cdk_…` to a principal. Looked-up keys are cached for a few
 * seconds (the hot path of every API call); revoking a key clears it here at once, and other
 * processes within that window.
 */
export function createApiKeyAuthenticator(db: Database) {
  const cache = new Map<string, { row: KeyRow; at: number }>();

  async function load(id: string): Promise<KeyRow | undefined> {
    const hit = cache.get(id);
    if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.row;
    const [row] = await rows<KeyRow>(
      db.orm,
      sql`select k.tenant_id, k.id, k.name, k.secret_hash, k.scopes, k.expires_at, k.revoked_at, k.last_used_at, t.status as tenant_status, t.partner_id
            from tenancy.api_keys k join tenancy.tenants t on t.id = k.tenant_id where k.id = ${id}`,
    );
    if (row) {
      if (cache.size > 10_000) cache.clear();
      cache.set(id, { row, at: Date.now() });
    }
    return row;
  }

  return {
    forget(id: string) {
      cache.delete(id);
    },
    async authenticate(token: string): Promise<Principal> {
      const parsed = parseApiKey(token);
      if (!parsed) throw new AppError("unauthenticated", "The API key is malformed");
      const row = await load(parsed.id);
      if (!row || !sameHash(row.secret_hash, sha256(parsed.secret)))
        throw new AppError("unauthenticated", "The API key is not valid");
      if (row.revoked_at) throw new AppError("key_revoked", `The API key ${row.id} was revoked`);
      if (row.expires_at && new Date(row.expires_at).getTime() <= Date.now())
        throw new AppError("key_expired", `The API key ${row.id} has expired`);
      if (row.tenant_status !== "active") throw new AppError("forbidden", "The tenant is suspended");
      if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > LAST_USED_RESOLUTION_MS) {
        row.last_used_at = new Date().toISOString();
        await db.orm.execute(sql`update tenancy.api_keys set last_used_at = now() where id = ${row.id}`);
      }
      return {
        kind: "api_key",
        actor: { type: "api_key", id: row.id, label: row.name },
        tenantId: row.tenant_id,
        partnerId: row.partner_id,
        scopes: row.scopes.filter(isScope) as Scope[],
      };
    },
  };
}

export type ApiKeyAuthenticator = ReturnType<typeof createApiKeyAuthenticator>;
