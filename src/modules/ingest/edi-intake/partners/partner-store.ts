import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../../platform/actor.ts";
import type { Database } from "../../../../platform/db/database.ts";
import { rows, withTenant } from "../../../../platform/db/tenant-scope.ts";
import { AppError, notFound } from "../../../../platform/errors.ts";
import { newId } from "../../../../platform/ids.ts";
import { appendAudit } from "../../../governance/index.ts";
import { InboundSet, type TradingPartner, type TradingPartnerInput, type TradingPartnerUpdate } from "../../contract/index.ts";
import { iso } from "../../db-values.ts";
import { compileSetMapping, type MappedSet } from "../mappings/index.ts";

export type PartnerDeps = { db: Database; clock: () => Date };

/** What `config` holds: the partner's settings other than its name, source_system and status. */
type PartnerConfig = Omit<TradingPartner, "id" | "name" | "source_id" | "source_system" | "status" | "created_at" | "updated_at">;

type PartnerRow = {
  id: string;
  tenant_id: string;
  name: string;
  source_id: string;
  config: PartnerConfig;
  source_system: string;
  status: TradingPartner["status"];
  created_at: string;
  updated_at: string;
};

const SELECT = sql`select p.id, p.tenant_id, p.name, p.source_id, p.config, s.source_system, s.status, p.created_at, p.updated_at
                     from ingest.edi_partners p join ingest.sources s on s.id = p.source_id`;

/** The source a partner's interchanges are receipts of is named after it. */
export const sourceNameOf = (partnerName: string) => `edi-${partnerName}`;

function toPartner(row: PartnerRow): TradingPartner {
  return {
    id: row.id,
    name: row.name,
    source_id: row.source_id,
    ...row.config,
    source_system: row.source_system,
    status: row.status,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

function configOf(input: TradingPartnerUpdate, before?: PartnerConfig): PartnerConfig {
  return {
    their: input.their ?? (before?.their as PartnerConfig["their"]),
    ours: input.ours ?? (before?.ours as PartnerConfig["ours"]),
    sends: input.sends ?? before?.sends ?? [...InboundSet.options],
    customer_external_id:
      input.customer_external_id === undefined ? (before?.customer_external_id ?? null) : input.customer_external_id,
    supplier_external_id:
      input.supplier_external_id === undefined ? (before?.supplier_external_id ?? null) : input.supplier_external_id,
    currency: input.currency ?? before?.currency ?? "USD",
    usage: input.usage ?? before?.usage ?? "P",
    acknowledge: input.acknowledge ?? before?.acknowledge ?? true,
    outbound: input.outbound ?? before?.outbound ?? { type: "none" },
    inbox: input.inbox === undefined ? (before?.inbox ?? null) : input.inbox,
    mappings: input.mappings ?? before?.mappings ?? {},
  };
}

function checkMappings(mappings: PartnerConfig["mappings"]): void {
  for (const [set, mapping] of Object.entries(mappings)) {
    if (mapping) compileSetMapping(set as MappedSet, mapping as Record<string, unknown>);
  }
}

const isUniqueViolation = (error: unknown) => {
  for (let current = error as { code?: string; cause?: unknown } | undefined; current; current = current.cause as typeof current)
    if (current.code === "23505") return true;
  return false;
};

function conflict(name: string, their: { qualifier: string; id: string }): AppError {
  return new AppError(
    "conflict",
    `A trading partner named ${name}, one with the interchange id ${their.qualifier}:${their.id}, or a source named ${sourceNameOf(name)} exists already`,
  );
}

export async function createPartner(deps: PartnerDeps, ctx: WriteContext, input: TradingPartnerInput): Promise<TradingPartner> {
  const config = configOf(input);
  checkMappings(config.mappings);
  const id = newId("tp");
  const sourceId = newId("src");
  const sourceSystem = input.source_system ?? `edi-${input.name}`;
  const now = deps.clock().toISOString();
  try {
    return await withTenant(deps.db, ctx.tenantId, async (tx) => {
      await tx.execute(
        sql`insert into ingest.sources (tenant_id, id, name, kind, system, source_system, mapping, secret_sealed, status, created_at, updated_at)
            values (${ctx.tenantId}, ${sourceId}, ${sourceNameOf(input.name)}, 'edi', 'other', ${sourceSystem},
                    ${JSON.stringify({ edi_partner: id })}::jsonb, null, ${input.status ?? "active"}, ${now}, ${now})`,
      );
      await tx.execute(
        sql`insert into ingest.edi_partners (tenant_id, id, source_id, name, their_qualifier, their_id, config, created_at, updated_at)
            values (${ctx.tenantId}, ${id}, ${sourceId}, ${input.name}, ${config.their.qualifier}, ${config.their.id},
                    ${JSON.stringify(config)}::jsonb, ${now}, ${now})`,
      );
      await appendAudit(tx, {
        ...ctx,
        action: "ingest.edi_partner.created",
        resourceType: "edi_partner",
        resourceId: id,
        data: { name: input.name, source_system: sourceSystem, their: config.their, ours: config.ours },
      });
      const [row] = await rows<PartnerRow>(tx, sql`${SELECT} where p.id = ${id}`);
      return toPartner(row as PartnerRow);
    });
  } catch (error) {
    throw isUniqueViolation(error) ? conflict(input.name, config.their) : error;
  }
}

export async function listPartners(db: Database, tenantId: string): Promise<TradingPartner[]> {
  const found = await withTenant(db, tenantId, (tx) => rows<PartnerRow>(tx, sql`${SELECT} order by p.name`));
  return found.map(toPartner);
}

export async function getPartner(db: Database, tenantId: string, idOrName: string): Promise<TradingPartner> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    rows<PartnerRow>(tx, sql`${SELECT} where p.id = ${idOrName} or p.name = ${idOrName}`),
  );
  if (!row) throw notFound("Trading partner", idOrName);
  return toPartner(row);
}

/** The partner an interchange's sender (ISA05, ISA06) is, if any. */
export async function partnerBySender(
  db: Database,
  tenantId: string,
  sender: { qualifier: string; id: string },
): Promise<TradingPartner | undefined> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    rows<PartnerRow>(
      tx,
      sql`${SELECT} where p.their_id = ${sender.id.trim()} and p.their_qualifier = ${sender.qualifier.trim()}`,
    ),
  );
  return row ? toPartner(row) : undefined;
}

export async function partnerOfSource(db: Database, tenantId: string, sourceId: string): Promise<TradingPartner | undefined> {
  const [row] = await withTenant(db, tenantId, (tx) => rows<PartnerRow>(tx, sql`${SELECT} where p.source_id = ${sourceId}`));
  return row ? toPartner(row) : undefined;
}

export async function updatePartner(
  deps: PartnerDeps,
  ctx: WriteContext,
  idOrName: string,
  update: TradingPartnerUpdate,
): Promise<TradingPartner> {
  const before = await getPartner(deps.db, ctx.tenantId, idOrName);
  const config = configOf(update, before);
  if (update.mappings) checkMappings(config.mappings);
  const now = deps.clock().toISOString();
  try {
    return await withTenant(deps.db, ctx.tenantId, async (tx) => {
      await tx.execute(
        sql`update ingest.sources set source_system = ${update.source_system ?? before.source_system},
                   status = ${update.status ?? before.status}, updated_at = ${now}
             where id = ${before.source_id}`,
      );
      await tx.execute(
        sql`update ingest.edi_partners
               set their_qualifier = ${config.their.qualifier}, their_id = ${config.their.id},
                   config = ${JSON.stringify(config)}::jsonb, updated_at = ${now}
             where id = ${before.id}`,
      );
      await appendAudit(tx, {
        ...ctx,
        action: "ingest.edi_partner.updated",
        resourceType: "edi_partner",
        resourceId: before.id,
        data: { name: before.name, changed: Object.keys(update), ...update },
      });
      const [row] = await rows<PartnerRow>(tx, sql`${SELECT} where p.id = ${before.id}`);
      return toPartner(row as PartnerRow);
    });
  } catch (error) {
    throw isUniqueViolation(error) ? conflict(before.name, config.their) : error;
  }
}
