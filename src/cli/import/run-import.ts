import { stat } from "node:fs/promises";
import { type ApiClient, ApiError } from "../client.ts";
import { createAssembler, type LineIssue, type PendingRecord } from "./assemble-records.ts";
import { createBatcher } from "./batcher.ts";
import { ImportSetupError, loadMapping, type Mapping } from "./mapping.ts";
import { createProgress } from "./progress.ts";
import { createRejectsFile } from "./rejects-file.ts";
import { compileMapping, mappingFromColumns, passThroughMapper, type RowMapper } from "./row-mapper.ts";
import { createSender, fileIdentity } from "./send-batch.ts";
import { formatOf, openSource } from "./source/open-source.ts";
import type { RowSource } from "./source/source-row.ts";
import { findTargetType, importableTypes, type TargetType } from "./target-type.ts";

export type ImportOptions = {
  tenant: string;
  /** The record type's path, e.g. `items`, `sales-orders`. */
  type: string;
  file: string;
  mapping?: string | undefined;
  sourceSystem?: string | undefined;
  batchSize?: number | undefined;
  rejects?: string | undefined;
};

export type ImportIo = {
  /** Says something to the person running the import (stderr in the CLI). */
  notice?: (text: string) => void;
  /** Shows a progress bar when stderr is a terminal. */
  progress?: boolean;
  sleep?: (ms: number) => Promise<void>;
};

export type Rejection = LineIssue & { external_id: string | null };

export type ImportSummary = {
  file: string;
  type: string;
  tenant: string;
  /** Data rows read from the file (not counting the header or blank lines). */
  rows: number;
  /** Records made of them: one per row, or one per group of rows when rows are lines. */
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Records not written: refused by the API, or by the import before sending (a value it could not read). */
  rejected: number;
  /** Of those, rejected before sending. */
  rejected_locally: number;
  /** The first rejections, by line of the file. */
  rejections: Rejection[];
  /** Where every rejected row was written, when asked. */
  rejects_file: string | null;
  batches: number;
  seconds: number;
};

/** An import that stopped part-way: what was done before it stopped travels with the cause. */
export class ImportAbortedError extends Error {
  constructor(
    readonly summary: ImportSummary,
    cause: unknown,
  ) {
    super((cause as Error)?.message ?? String(cause), { cause });
  }
}

export const DEFAULT_BATCH_SIZE = 1000;
export const MAX_BATCH_SIZE = 10_000;
/** A batch is sent early when its JSON grows past this, well under the server's default body limit. */
const MAX_BATCH_BYTES = 8 * 1024 * 1024;
/** How many rejections a summary lists; the rejects file has them all. */
export const SHOWN_REJECTIONS = 10;

function targetFor(type: string): TargetType {
  const target = findTargetType(type);
  if (!target)
    throw new ImportSetupError("--type", [
      { path: "", message: `${JSON.stringify(type)} is not a record type; choose one of: ${importableTypes().join(", ")}` },
    ]);
  return target;
}

/** Fails before reading the file when the tenant does not exist (any other refusal speaks for itself). */
async function checkTenant(client: ApiClient, tenant: string): Promise<void> {
  try {
    await client.request("GET", "/api/v1/tenant", { tenant });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404)
      throw new ImportSetupError("--tenant", [{ path: "", message: error.message }]);
    throw error;
  }
}

function mapperFor(
  source: RowSource,
  mapping: Mapping | undefined,
  target: TargetType,
  options: ImportOptions,
  notice: (text: string) => void,
): RowMapper {
  const input = { target, columns: source.columns, format: source.format, sourceSystem: options.sourceSystem };
  if (!mapping && source.format !== "csv") return passThroughMapper(options.sourceSystem);
  const generated = mapping ? undefined : mappingFromColumns(target, source.columns);
  const compiled = compileMapping(mapping ?? (generated?.mapping as Mapping), input);
  if (!compiled.ok) {
    if (!generated) throw new ImportSetupError(options.mapping ?? "mapping", compiled.problems);
    const problems = compiled.problems.map((problem) => ({
      path: "",
      message: `${problem.message.replace(" not mapped", " with no column")}; the file's columns: ${source.columns.join(", ")} (name columns after the fields, or pass --mapping)`,
    }));
    throw new ImportSetupError(options.file, problems);
  }
  if (generated && generated.ignored.length > 0) {
    notice(
      `Columns not named like a field of ${target.path} are left out: ${generated.ignored.join(", ")} (use --mapping to map them)`,
    );
  }
  return compiled.mapper;
}

/**
 * Imports a CSV, JSONL or JSON file into one record type through the REST API: reads it as a
 * stream, maps each row, groups rows into records when they are lines, sends batches with
 * `mode=partial` and an idempotency key per batch, and accounts for every row: written,
 * unchanged, or rejected with its line and reason.
 */
export async function runImport(client: ApiClient, options: ImportOptions, io: ImportIo = {}): Promise<ImportSummary> {
  const notice = io.notice ?? (() => undefined);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    throw new ImportSetupError("--batch-size", [
      { path: "", message: `${batchSize} is not a whole number from 1 to ${MAX_BATCH_SIZE}` },
    ]);
  }
  const target = targetFor(options.type);
  const format = formatOf(options.file);
  if (!format)
    throw new ImportSetupError(options.file, [
      { path: "", message: "name the file .csv, .jsonl or .json so its format is known" },
    ]);
  const fileStat = await stat(options.file).catch(() => {
    throw new ImportSetupError(options.file, [{ path: "", message: "no such file" }]);
  });
  const mapping = options.mapping ? await loadMapping(options.mapping) : undefined;
  await checkTenant(client, options.tenant);
  const source = await openSource(options.file, format, { delimiter: mapping?.csv?.delimiter, encoding: mapping?.csv?.encoding });
  let mapper: RowMapper;
  try {
    if (source.format === "csv" && source.columns.length === 0) {
      throw new ImportSetupError(options.file, [
        { path: "", message: "the file is empty: it needs a header row naming its columns" },
      ]);
    }
    mapper = mapperFor(source, mapping, target, options, notice);
  } catch (error) {
    source.close();
    throw error;
  }

  const started = Date.now();
  const summary = emptySummary(options, target);
  const recordName = target.name.replaceAll("_", " ");
  const rejects = options.rejects
    ? createRejectsFile(options.rejects, { columns: source.columns, csv: source.format === "csv", recordName })
    : undefined;
  const reject = async (pending: PendingRecord, issues: LineIssue[], locally: boolean) => {
    summary.rejected += 1;
    if (locally) summary.rejected_locally += 1;
    keepFirst(summary.rejections, issues, pending.externalId);
    await rejects?.write(pending, issues);
  };
  const sender = createSender({
    client,
    tenant: options.tenant,
    typePath: target.path,
    identity: fileIdentity({ typePath: target.path, size: fileStat.size, modifiedMs: fileStat.mtimeMs }),
    ...(io.sleep ? { sleep: io.sleep } : {}),
  });
  const batcher = createBatcher({
    send: sender.send,
    size: batchSize,
    maxBytes: MAX_BATCH_BYTES,
    async onResult(result) {
      summary.inserted += result.inserted;
      summary.updated += result.updated;
      summary.unchanged += result.unchanged;
      for (const { pending, issues } of result.rejected) await reject(pending, issues, false);
    },
  });
  const take = async (records: PendingRecord[]) => {
    for (const pending of records) {
      summary.records += 1;
      if (pending.issues.length > 0) await reject(pending, pending.issues, true);
      else await batcher.add(pending);
    }
  };
  const assembler = createAssembler({ childCollection: mapper.childCollection, recordName });
  const progress = createProgress({ enabled: io.progress === true, totalBytes: source.size, label: `${target.path} ←` });
  const finish = () => {
    progress.stop();
    summary.batches = batcher.sent();
    summary.seconds = (Date.now() - started) / 1000;
  };

  try {
    for await (const row of source.rows) {
      summary.rows += 1;
      await take(assembler.push(row, mapper.map(row)));
      progress.update(source.bytesRead(), summary.rows);
    }
    await take(assembler.end());
    await batcher.finish();
    progress.update(source.size, summary.rows);
    await rejects?.close();
  } catch (error) {
    source.close();
    // What the batch on its way did still counts; if it failed too, the first failure is the story.
    await batcher.abandon();
    await rejects?.close().catch(() => undefined);
    finish();
    throw new ImportAbortedError(summary, error);
  }
  finish();
  return summary;
}

function emptySummary(options: ImportOptions, target: TargetType): ImportSummary {
  return {
    file: options.file,
    type: target.path,
    tenant: options.tenant,
    rows: 0,
    records: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    rejected_locally: 0,
    rejections: [],
    rejects_file: options.rejects ?? null,
    batches: 0,
    seconds: 0,
  };
}

/** Keeps the first rejections by line of the file, however late they are reported. */
function keepFirst(shown: Rejection[], issues: readonly LineIssue[], externalId: string | undefined): void {
  for (const issue of issues) {
    if (shown.length >= SHOWN_REJECTIONS && issue.line >= (shown.at(-1)?.line ?? 0)) continue;
    shown.push({ ...issue, external_id: externalId ?? null });
    shown.sort((a, b) => a.line - b.line);
    shown.length = Math.min(shown.length, SHOWN_REJECTIONS);
  }
}
