import pg from "pg";
import { APP_ROLE } from "./app-role.ts";

export type TenantReadStatement = { text: string; values: unknown[]; name?: string };

/**
 * Connections kept for tenant-scoped reads on a PostgreSQL server, so a hot read costs one round
 * trip and no planning: each connection runs as the row-level-security role for its whole life and
 * remembers the tenant it was last set to, so the tenant is set only when it changes; statements
 * given a name are prepared once per connection. Nothing but these reads ever runs on them, so a
 * connection's settings are always the ones recorded here; one that fails is discarded.
 */
export class TenantReadPool {
  readonly #pool: pg.Pool;
  readonly #tenantOf = new WeakMap<pg.PoolClient, string>();

  constructor(config: pg.PoolConfig) {
    this.#pool = new pg.Pool(config);
  }

  on(event: "error", listener: (error: Error) => void): void {
    this.#pool.on(event, listener);
  }

  async query<T>(tenantId: string, statement: TenantReadStatement): Promise<T[]> {
    const client = await this.#pool.connect();
    try {
      if (this.#tenantOf.get(client) !== tenantId) {
        this.#tenantOf.delete(client);
        // The role too: a new connection has none recorded, and setting it again costs nothing.
        await client.query("select set_config('role', $1, false), set_config('crossdock.tenant_id', $2, false)", [
          APP_ROLE,
          tenantId,
        ]);
        this.#tenantOf.set(client, tenantId);
      }
      const result = await client.query(statement);
      client.release();
      return result.rows as T[];
    } catch (error) {
      this.#tenantOf.delete(client);
      client.release(error as Error);
      throw error;
    }
  }

  end(): Promise<void> {
    return this.#pool.end();
  }
}
