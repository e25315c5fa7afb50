import { sql } from "drizzle-orm";
import { sha256 } from "../platform/crypto.ts";
import type { Database } from "../platform/db/database.ts";
import { rows, withSystem, withTenant } from "../platform/db/tenant-scope.ts";
import { AppError } from "../platform/errors.ts";
import type { Logger } from "../platform/logger.ts";

export type StoredResponse = { status: number; body: unknown; replayed: boolean };

// A claim whose request never finished (its process died) may be taken over after this long.
const ABANDONED_AFTER_MS = 5 * 60_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Runs a write at most once per `Idempotency-Key`: the first request claims the key, runs, and
 * stores its response; a retry with the same key and body gets that response back; the same key
 * with a different body is refused. 5xx answers are not stored, so the caller may retry them.
 * Writes behind this are themselves idempotent upserts, so a claim abandoned by a crashed process
 * can safely run again.
 */
export async function idempotent(
  db: Database,
  scope: { tenantId: string; key: string; method: string; path: string; body: string; keepHours: number },
  run: () => Promise<{ status: number; body: unknown }>,
): Promise<StoredResponse> {
  if (!KEY_PATTERN.test(scope.key)) {
    throw new AppError("bad_request", "Idempotency-Key must be 1–255 printable ASCII characters", {
      details: [{ path: "Idempotency-Key", message: "invalid" }],
    });
  }
  const requestHash = sha256(`${scope.method} ${scope.path}\n${scope.body}`);
  const claim = await withTenant(db, scope.tenantId, async (tx) => {
    // A key past its retention is forgotten even before the sweep gets to it.
    await tx.execute(
      sql`delete from platform.idempotency_keys
           where tenant_id = ${scope.tenantId} and key = ${scope.key}
             and created_at < now() - make_interval(secs => ${scope.keepHours * 3600})`,
    );
    const [inserted] = await rows<{ key: string }>(
      tx,
      sql`insert into platform.idempotency_keys (tenant_id, key, method, path, request_hash)
          values (${scope.tenantId}, ${scope.key}, ${scope.method}, ${scope.path}, ${requestHash})
          on conflict (tenant_id, key) do nothing returning key`,
    );
    if (inserted) return { claimed: true as const };
    const [existing] = await rows<{ request_hash: string; status: number | null; response: unknown; created_at: string }>(
      tx,
      sql`select request_hash, status, response, created_at from platform.idempotency_keys
           where tenant_id = ${scope.tenantId} and key = ${scope.key} for update`,
    );
    if (!existing) throw new Error("idempotency key vanished");
    if (existing.request_hash !== requestHash) {
      throw new AppError("idempotency_key_reused", "This Idempotency-Key was already used for a different request");
    }
    if (existing.status !== null)
      return { claimed: false as const, stored: { status: Number(existing.status), body: existing.response } };
    if (Date.now() - new Date(existing.created_at).getTime() < ABANDONED_AFTER_MS) {
      throw new AppError(
        "idempotency_key_in_progress",
        "A request with this Idempotency-Key is still being processed; retry shortly",
      );
    }
    await tx.execute(
      sql`update platform.idempotency_keys set created_at = now() where tenant_id = ${scope.tenantId} and key = ${scope.key}`,
    );
    return { claimed: true as const };
  });
  if (!claim.claimed) return { ...claim.stored, replayed: true };

  let result: { status: number; body: unknown };
  try {
    result = await run();
  } catch (error) {
    const status = error instanceof AppError ? error.status : 500;
    if (status >= 500) await release(db, scope);
    else await store(db, scope, status, (error as AppError).toJSON());
    throw error;
  }
  if (result.status >= 500) await release(db, scope);
  else await store(db, scope, result.status, result.body);
  return { ...result, replayed: false };
}

async function store(db: Database, scope: { tenantId: string; key: string }, status: number, body: unknown) {
  await withTenant(db, scope.tenantId, (tx) =>
    tx.execute(sql`update platform.idempotency_keys set status = ${status}, response = ${JSON.stringify(body)}::jsonb
                    where tenant_id = ${scope.tenantId} and key = ${scope.key}`),
  );
}

async function release(db: Database, scope: { tenantId: string; key: string }) {
  await withTenant(db, scope.tenantId, (tx) =>
    tx.execute(sql`delete from platform.idempotency_keys where tenant_id = ${scope.tenantId} and key = ${scope.key}`),
  );
}

/** Forgets every tenant's keys older than `keepHours`; returns how many. */
export async function sweepIdempotencyKeys(db: Database, keepHours: number): Promise<number> {
  return withSystem(db, async (tx) => {
    const deleted = await rows<{ n: number }>(
      tx,
      sql`with gone as (delete from platform.idempotency_keys
                         where created_at < now() - make_interval(secs => ${keepHours * 3600}) returning 1)
          select count(*)::int as n from gone`,
    );
    return deleted[0]?.n ?? 0;
  });
}

const SWEEP_EVERY_MS = 60 * 60_000;

/** Sweeps expired keys now and hourly until the returned function is called. */
export function scheduleIdempotencySweep(db: Database, keepHours: number, logger: Logger): () => void {
  const sweep = () =>
    sweepIdempotencyKeys(db, keepHours).then(
      (count) => count > 0 && logger.info({ count }, "forgot expired idempotency keys"),
      (error: unknown) => logger.warn({ err: error }, "idempotency key sweep failed; it runs again within the hour"),
    );
  void sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
