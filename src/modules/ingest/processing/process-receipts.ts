import { setImmediate } from "node:timers/promises";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { readAsTenant, rows, withSystem, withTenant } from "../../../platform/db/tenant-scope.ts";
import type { Logger } from "../../../platform/logger.ts";
import type { Records } from "../../records/index.ts";
import type { ProducedRecord, QuarantineReason } from "../contract/index.ts";
import { bytes } from "../db-values.ts";
import { applyMapping, type CompiledMapping, type MappedRecord } from "../mapping/index.ts";
import type { IngestMetrics } from "../metrics.ts";
import { compileSourceMapping } from "../sources/source-mapping.ts";
import { decodePayload } from "./decode-payload.ts";
import { writeMapped } from "./write-mapped.ts";

/** Receipts one pass takes at most. */
export const BATCH = 500;
/** How long a pass holds what it took; one that died lets it go after this. */
const LEASE_SECONDS = 120;
/** Longest stretch of mapping between two looks at the event loop. */
const SLICE_MS = 5;
/** A receipt whose processing failed this often (a crash, not bad data) is quarantined for a person. */
export const MAX_ATTEMPTS = 5;

export type ProcessDeps = { db: Database; records: Records; logger: Logger; clock: () => Date; metrics: IngestMetrics };

/** A receipt leased for processing: claimed here, or handed over by the webhook that stored it. */
export type ClaimedReceipt = {
  tenant_id: string;
  id: string;
  source_id: string;
  content_type: string | null;
  body: unknown;
  attempts: number;
};
type Claimed = ClaimedReceipt;
type SourceRow = {
  id: string;
  name: string;
  source_system: string;
  mapping: Record<string, unknown>;
  status: string;
  updated_at: string;
};

type Outcome = { id: string; produced: ProducedRecord[] } | { id: string; reason: QuarantineReason };

/** One source's receipts of a pass, mapped; what is left is writing (commitPass). */
type PreparedSource = {
  tenantId: string;
  source: SourceRow;
  /** What each receipt mapped to, in arrival order. */
  mapped: { receipt: Claimed; records: MappedRecord[] }[];
  /** Receipts already settled: quarantined, or processed with nothing to write; the rest once written. */
  outcomes: Map<string, Outcome>;
  receipts: Claimed[];
};

/** A pass's receipts, read and mapped: the part of a pass that needs no writing. */
export type PreparedPass = {
  sources: PreparedSource[];
  /** Receipts the pass holds (those of a paused source are let go). */
  receipts: number;
  /** Of them, those claimed from the table. */
  claimed: number;
};

/**
 * The first half of a pass: the receipts handed over (stored by this process with a lease on
 * them), and, when `claim` is set, up to BATCH received receipts taken from the table (leased, so
 * another process or pass skips them); per source, each payload decoded and mapped to records.
 * The second half (commitPass) writes the records in batches and marks each receipt processed with
 * what it wrote, or quarantined with the reason. Records are upserted by (source system, external
 * id) and content-hashed, so a receipt processed again after a crash writes nothing new.
 */
export async function preparePass(
  deps: ProcessDeps,
  handedOver: readonly ClaimedReceipt[],
  claim: boolean,
): Promise<PreparedPass> {
  const claimed = claim && handedOver.length < BATCH ? await claimReceipts(deps, BATCH - handedOver.length) : [];
  const claimedCount = claimed.length;
  claimed.push(...handedOver);
  const bySource = new Map<string, Claimed[]>();
  for (const receipt of claimed.sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const ofSource = bySource.get(receipt.source_id);
    if (ofSource) ofSource.push(receipt);
    else bySource.set(receipt.source_id, [receipt]);
  }
  const prepared: PreparedPass = { sources: [], receipts: 0, claimed: claimedCount };
  for (const receipts of bySource.values()) {
    const source = await prepareSource(deps, receipts);
    if (!source) continue;
    prepared.sources.push(source);
    prepared.receipts += receipts.length;
  }
  return prepared;
}

/** The second half of a pass: writes the records of what was mapped, and each receipt's outcome. */
export async function commitPass(deps: ProcessDeps, prepared: PreparedPass): Promise<{ processed: number; quarantined: number }> {
  let processed = 0;
  let quarantined = 0;
  for (const source of prepared.sources) {
    if (source.mapped.length > 0) await writeMappedReceipts(deps, source.tenantId, source.source, source.mapped, source.outcomes);
    const outcomes = source.receipts.flatMap((receipt) => {
      const outcome = source.outcomes.get(receipt.id);
      return outcome ? [outcome] : [];
    });
    await recordOutcomes(deps, source.tenantId, outcomes);
    for (const outcome of outcomes) {
      if ("produced" in outcome) processed++;
      else quarantined++;
    }
  }
  deps.metrics.processed("processed", processed);
  deps.metrics.processed("quarantined", quarantined);
  return { processed, quarantined };
}

/** How often a pass also looks for receipts whose lease ran out (a processor that died holding them). */
const EXPIRED_LEASE_SCAN_MS = 5_000;
const lastExpiredLeaseScan = new WeakMap<Database, number>();

/**
 * Received receipts no one holds, oldest first, leased to this pass: those never leased (stored
 * while no processor had room for them), found through an index of their own, and every few
 * seconds those whose lease ran out. The receipts handed over to a processor are leased and in
 * flight, often thousands under load; scanning past them on every pass cost more than processing.
 */
async function claimReceipts(deps: ProcessDeps, limit: number): Promise<Claimed[]> {
  const now = deps.clock();
  const claimed = await claimWhere(deps, sql`leased_until is null`, limit);
  const lastScan = lastExpiredLeaseScan.get(deps.db);
  if (claimed.length < limit && (lastScan === undefined || now.getTime() - lastScan >= EXPIRED_LEASE_SCAN_MS)) {
    lastExpiredLeaseScan.set(deps.db, now.getTime());
    claimed.push(...(await claimWhere(deps, sql`leased_until < ${now.toISOString()}`, limit - claimed.length)));
  }
  return claimed;
}

function claimWhere(deps: ProcessDeps, lease: SQL, limit: number): Promise<Claimed[]> {
  const until = new Date(deps.clock().getTime() + LEASE_SECONDS * 1000).toISOString();
  return withSystem(deps.db, (tx) =>
    rows<Claimed>(
      tx,
      sql`update ingest.receipts r
             set attempts = r.attempts + 1, leased_until = ${until}
           where r.id in (select id from ingest.receipts
                           where status = 'received' and ${lease}
                             -- A paused source's receipts wait, without standing in front of the others';
                             -- EDI interchanges are processed by edi-intake (sets, 997s), not here.
                             and not exists (select 1 from ingest.sources s where s.id = source_id and (s.status = 'paused' or s.kind = 'edi'))
                           order by received_at, id limit ${limit} for update skip locked)
       returning r.tenant_id, r.id, r.source_id, r.content_type, coalesce(r.corrected_body, r.body) as body, r.attempts`,
    ),
  );
}

const compiled = new Map<string, { at: string; mapping: CompiledMapping }>();

function mappingOf(source: SourceRow): CompiledMapping {
  const cached = compiled.get(source.id);
  if (cached && cached.at === source.updated_at) return cached.mapping;
  const mapping = compileSourceMapping(source.mapping);
  compiled.set(source.id, { at: source.updated_at, mapping });
  return mapping;
}

/** Reads a source's receipts and maps them; none when the source is paused (they wait, unleased). */
async function prepareSource(deps: ProcessDeps, receipts: Claimed[]): Promise<PreparedSource | undefined> {
  const { tenant_id: tenantId, source_id: sourceId } = receipts[0] as Claimed;
  const [source] = await readAsTenant<SourceRow>(
    deps.db,
    tenantId,
    sql`select id, name, source_system, mapping, status, updated_at::text from ingest.sources where id = ${sourceId}`,
  );
  if (!source || source.status === "paused") {
    // Kept as received, to be processed when the source is resumed.
    await withTenant(deps.db, tenantId, (tx) =>
      tx.execute(sql`update ingest.receipts set leased_until = null, attempts = attempts - 1
                      where id in (select jsonb_array_elements_text(${JSON.stringify(receipts.map((r) => r.id))}::jsonb))`),
    );
    return undefined;
  }
  const prepared: PreparedSource = { tenantId, source, mapped: [], outcomes: new Map(), receipts };
  const quarantine = (id: string, reason: QuarantineReason) => prepared.outcomes.set(id, { id, reason });
  let mapping: CompiledMapping;
  try {
    mapping = mappingOf(source);
  } catch (error) {
    const reason = { stage: "map" as const, message: `The source's mapping cannot be used: ${String(error)}`, problems: [] };
    for (const receipt of receipts) quarantine(receipt.id, reason);
    return prepared;
  }
  let sliceStarted = performance.now();
  for (const receipt of receipts) {
    // Mapping a batch is a long stretch of work: webhooks waiting to be answered go in between.
    if (performance.now() - sliceStarted > SLICE_MS) {
      await setImmediate();
      sliceStarted = performance.now();
    }
    if (receipt.attempts > MAX_ATTEMPTS) {
      quarantine(receipt.id, {
        stage: "process",
        message: `Processing stopped ${MAX_ATTEMPTS} times before it finished (a crash or a database fault), so it is held for a person`,
        problems: [],
      });
      continue;
    }
    const decoded = decodePayload(bytes(receipt.body), receipt.content_type);
    if (!decoded.ok) {
      quarantine(receipt.id, { stage: "parse", message: decoded.message, problems: [] });
      continue;
    }
    const result = applyMapping(mapping, decoded.value, { sourceSystem: source.source_system });
    if (result.problems.length > 0) {
      quarantine(receipt.id, {
        stage: "map",
        message: "The payload does not fit the source's mapping",
        problems: result.problems,
      });
      continue;
    }
    if (result.records.length === 0) {
      // The mapping chose to ignore this payload (`unmatched: "ignore"`): processed, nothing written.
      prepared.outcomes.set(receipt.id, { id: receipt.id, produced: [] });
      continue;
    }
    prepared.mapped.push({ receipt, records: result.records });
  }
  return prepared;
}

/** Writes what the receipts mapped to; each is then processed with what it wrote, or quarantined with what was refused. */
async function writeMappedReceipts(
  deps: ProcessDeps,
  tenantId: string,
  source: SourceRow,
  mapped: { receipt: Claimed; records: MappedRecord[] }[],
  outcomes: Map<string, Outcome>,
): Promise<void> {
  const ctx = { tenantId, actor: { type: "system" as const, id: source.id, label: `ingest:${source.name}` } };
  const written = await writeMapped(
    deps.records,
    ctx,
    mapped.map(({ receipt, records }) => ({ from: receipt.id, records })),
  );
  for (const { receipt } of mapped) {
    const found = written.refused.get(receipt.id);
    if (found) {
      outcomes.set(receipt.id, {
        id: receipt.id,
        reason: { stage: "validate", message: "Records made from the payload were refused", problems: found },
      });
    } else {
      outcomes.set(receipt.id, { id: receipt.id, produced: written.produced.get(receipt.id) ?? [] });
    }
  }
}

async function recordOutcomes(deps: ProcessDeps, tenantId: string, outcomes: Outcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const now = deps.clock().toISOString();
  const list = outcomes.map((outcome) =>
    "produced" in outcome
      ? { id: outcome.id, status: "processed", produced: outcome.produced, reason: null }
      : { id: outcome.id, status: "quarantined", produced: null, reason: outcome.reason },
  );
  await withTenant(deps.db, tenantId, (tx) =>
    tx.execute(sql`
      update ingest.receipts r
         set status = o.status, produced = o.produced, reason = o.reason, leased_until = null,
             processed_at = case when o.status = 'processed' then ${now}::timestamptz else r.processed_at end
        from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as o (id text, status text, produced jsonb, reason jsonb)
       where r.id = o.id and r.status = 'received'`),
  );
}
