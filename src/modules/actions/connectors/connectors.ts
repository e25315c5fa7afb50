import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Tx } from "../../../platform/db/database.ts";
import { readAsTenant, rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { newId } from "../../../platform/ids.ts";
import type { Keyring } from "../../../platform/secret-key.ts";
import { appendAudit } from "../../governance/index.ts";
import { type ActionKind, type Connector, ConnectorInput, type ConnectorKind } from "../contract/index.ts";
import { ConnectorNotFoundError, PermanentActionError } from "../errors.ts";
import { invalidInput } from "../validation.ts";
import { type AdapterDeps, actionKindsOf, createAdapter } from "./adapters.ts";
import type { ConnectorAdapter } from "./connector.ts";
import { hasSecrets, maskSecrets, openSecrets, type StoredSecrets, sealSecrets } from "./secrets.ts";

type Row = {
  id: string;
  tenant_id: string;
  name: string;
  kind: ConnectorKind;
  description: string | null;
  config: Record<string, unknown>;
  secrets: StoredSecrets;
  created_at: string;
  updated_at: string;
};

/** A connector to write through: its adapter, ready. */
export type OpenConnector = { id: string; name: string; kind: ConnectorKind; adapter: ConnectorAdapter };

const COLUMNS = sql.raw("id, tenant_id, name, kind, description, config, secrets, created_at, updated_at");

const json = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

function toConnector(row: Row): Connector {
  const config = maskSecrets(row.kind, json(row.config), json(row.secrets));
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    description: row.description,
    config,
    action_kinds: actionKindsOf(row.kind, config) as ActionKind[],
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}

function isUniqueViolation(error: unknown): boolean {
  for (
    let current = error as { code?: string; cause?: unknown } | undefined;
    current;
    current = current.cause as typeof current
  ) {
    if (current.code === "23505") return true;
  }
  return false;
}

const nameTaken = (name: string, cause: unknown) =>
  new AppError("conflict", `This tenant already has a connector named ${name}`, {
    details: [{ path: "name", message: "already taken" }],
    cause,
  });

async function findRow(executor: Tx, tenantId: string, ref: string, lock = false): Promise<Row> {
  const [row] = await rows<Row>(
    executor,
    sql`select ${COLUMNS} from actions.connectors
         where tenant_id = ${tenantId} and deleted_at is null and (id = ${ref} or name = ${ref})
         ${lock ? sql`for update` : sql``}`,
  );
  if (!row) throw new ConnectorNotFoundError(ref);
  return row;
}

function parseInput(input: unknown) {
  const parsed = ConnectorInput.safeParse(input);
  if (!parsed.success) throw invalidInput("connector", parsed.error);
  return parsed.data;
}

/** The tenant's connectors: configs checked per kind, secrets sealed, every change audited without them. */
export function createConnectors(deps: AdapterDeps & { keyring: Keyring }) {
  const { db, keyring } = deps;

  async function seal(
    tenantId: string,
    connectorId: string,
    kind: ConnectorKind,
    config: Record<string, unknown>,
    previous: StoredSecrets,
  ) {
    if (!hasSecrets(kind, config)) return { config, secrets: {} };
    return sealSecrets(await keyring.key(), { tenantId, connectorId, kind }, config, previous);
  }

  async function open(row: Row): Promise<OpenConnector> {
    const secrets = json<StoredSecrets>(row.secrets);
    const stored = json<Record<string, unknown>>(row.config);
    const config =
      Object.keys(secrets).length === 0
        ? stored
        : openSecrets(await keyring.key(), { tenantId: row.tenant_id, connectorId: row.id, kind: row.kind }, stored, secrets);
    return { id: row.id, name: row.name, kind: row.kind, adapter: createAdapter({ id: row.id, kind: row.kind, config }, deps) };
  }

  return {
    async create(ctx: WriteContext, input: unknown): Promise<Connector> {
      const parsed = parseInput(input);
      const id = newId("con");
      const sealed = await seal(ctx.tenantId, id, parsed.kind, parsed.config, {});
      try {
        return await withTenant(db, ctx.tenantId, async (tx) => {
          const [row] = await rows<Row>(
            tx,
            sql`insert into actions.connectors (tenant_id, id, name, kind, description, config, secrets, created_by, updated_by)
                values (${ctx.tenantId}, ${id}, ${parsed.name}, ${parsed.kind}, ${parsed.description ?? null},
                        ${JSON.stringify(sealed.config)}::jsonb, ${JSON.stringify(sealed.secrets)}::jsonb,
                        ${`${ctx.actor.type}:${ctx.actor.id}`}, ${`${ctx.actor.type}:${ctx.actor.id}`})
                returning ${COLUMNS}`,
          );
          const connector = toConnector(row as Row);
          await appendAudit(tx, {
            ...ctx,
            action: "connector.created",
            resourceType: "connector",
            resourceId: id,
            data: { name: connector.name, kind: connector.kind, config: connector.config },
          });
          return connector;
        });
      } catch (error) {
        throw isUniqueViolation(error) ? nameTaken(parsed.name, error) : error;
      }
    },

    /** Replaces a connector's name, description and config; a masked secret sent back keeps the stored one. */
    async update(ctx: WriteContext, ref: string, input: unknown): Promise<Connector> {
      const parsed = parseInput(input);
      const key = hasSecrets(parsed.kind, parsed.config) ? await keyring.key() : undefined;
      try {
        return await withTenant(db, ctx.tenantId, async (tx) => {
          const existing = await findRow(tx, ctx.tenantId, ref, true);
          if (existing.kind !== parsed.kind) {
            throw new AppError(
              "validation_failed",
              `A ${existing.kind} connector cannot become ${parsed.kind}; create another connector`,
              {
                details: [{ path: "kind", message: `must stay ${existing.kind}` }],
              },
            );
          }
          const scope = { tenantId: ctx.tenantId, connectorId: existing.id, kind: parsed.kind };
          const sealed = key
            ? sealSecrets(key, scope, parsed.config, json(existing.secrets))
            : { config: parsed.config, secrets: {} };
          const [row] = await rows<Row>(
            tx,
            sql`update actions.connectors
                   set name = ${parsed.name}, description = ${parsed.description ?? null},
                       config = ${JSON.stringify(sealed.config)}::jsonb, secrets = ${JSON.stringify(sealed.secrets)}::jsonb,
                       updated_by = ${`${ctx.actor.type}:${ctx.actor.id}`}, updated_at = now()
                 where tenant_id = ${ctx.tenantId} and id = ${existing.id}
                returning ${COLUMNS}`,
          );
          const before = toConnector(existing);
          const after = toConnector(row as Row);
          await appendAudit(tx, {
            ...ctx,
            action: "connector.updated",
            resourceType: "connector",
            resourceId: existing.id,
            data: { before: { name: before.name, config: before.config }, after: { name: after.name, config: after.config } },
          });
          return after;
        });
      } catch (error) {
        throw isUniqueViolation(error) ? nameTaken(parsed.name, error) : error;
      }
    },

    /** Removes a connector from use; it is kept, so the actions that went through it still say where they wrote. */
    async remove(ctx: WriteContext, ref: string): Promise<Connector> {
      return withTenant(db, ctx.tenantId, async (tx) => {
        const existing = await findRow(tx, ctx.tenantId, ref, true);
        await tx.execute(
          sql`update actions.connectors set deleted_at = now(), updated_at = now(), updated_by = ${`${ctx.actor.type}:${ctx.actor.id}`}
               where tenant_id = ${ctx.tenantId} and id = ${existing.id}`,
        );
        const connector = toConnector(existing);
        await appendAudit(tx, {
          ...ctx,
          action: "connector.deleted",
          resourceType: "connector",
          resourceId: existing.id,
          data: { name: connector.name, kind: connector.kind },
        });
        return connector;
      });
    },

    async list(tenantId: string): Promise<Connector[]> {
      const found = await readAsTenant<Row>(
        db,
        tenantId,
        sql`select ${COLUMNS} from actions.connectors where tenant_id = ${tenantId} and deleted_at is null order by name`,
      );
      return found.map(toConnector);
    },

    async get(tenantId: string, ref: string): Promise<Connector> {
      return withTenant(db, tenantId, async (tx) => toConnector(await findRow(tx, tenantId, ref)));
    },

    /** The connector named in a write, ready to carry it; refused (422, naming the field) when there is none. */
    async open(tenantId: string, name: string): Promise<OpenConnector> {
      const [row] = await readAsTenant<Row>(
        db,
        tenantId,
        sql`select ${COLUMNS} from actions.connectors where tenant_id = ${tenantId} and name = ${name} and deleted_at is null`,
      );
      if (!row) {
        throw new PermanentActionError("connector_not_found", `This tenant has no connector named ${name}`, {
          details: [{ path: "connector", message: "no such connector" }],
        });
      }
      return open(row);
    },

    /** A connector by id, deleted or not: what a registered compensation goes back through. */
    async openById(tenantId: string, id: string): Promise<OpenConnector & { deleted: boolean }> {
      const [row] = await readAsTenant<Row & { deleted: boolean }>(
        db,
        tenantId,
        sql`select ${COLUMNS}, deleted_at is not null as deleted from actions.connectors where tenant_id = ${tenantId} and id = ${id}`,
      );
      if (!row) throw new PermanentActionError("connector_not_found", `Connector ${id} was not found`);
      return { ...(await open(row)), deleted: row.deleted };
    },
  };
}

export type Connectors = ReturnType<typeof createConnectors>;
