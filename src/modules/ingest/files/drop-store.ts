import { mkdir } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import { seal, unseal } from "../../../platform/crypto.ts";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withSystem, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError, notFound } from "../../../platform/errors.ts";
import { newId } from "../../../platform/ids.ts";
import type { Keyring } from "../../../platform/secret-key.ts";
import { appendAudit } from "../../governance/index.ts";
import {
  type FileDrop,
  FileDropInput,
  FileDropUpdate,
  type FileFormat,
  type SftpLocationInput,
  type SourceStatus,
} from "../contract/index.ts";
import { iso } from "../db-values.ts";
import { compileSourceMapping } from "../sources/source-mapping.ts";
import { NO_FILES } from "./drop-health.ts";
import { defaultPattern } from "./read/read-file-rows.ts";

export type DropStoreDeps = { db: Database; keyring: Keyring; clock: () => Date; root: string };

/** What an SFTP drop connects with, sealed. */
export type SftpSecret = { password?: string | undefined; private_key?: string | undefined; passphrase?: string | undefined };
type SftpSettings = {
  host: string;
  port: number;
  username: string;
  auth: "password" | "private_key";
  host_fingerprint: string | null;
};

export type DropRow = {
  id: string;
  tenant_id: string;
  name: string;
  system: FileDrop["system"];
  source_system: string;
  mapping: Record<string, unknown>;
  status: SourceStatus;
  location: "folder" | "sftp";
  folder: string;
  sftp: SftpSettings | null;
  sftp_secret_sealed: string | null;
  format: FileFormat;
  pattern: string;
  settle_seconds: number;
  poll_seconds: number;
  created_at: string;
  updated_at: string;
};

const SELECT = sql.raw(`select s.id, s.tenant_id, s.name, s.system, s.source_system, s.mapping, s.status, d.location, d.folder,
  d.sftp, d.sftp_secret_sealed, d.format, d.pattern, d.settle_seconds, d.poll_seconds, s.created_at,
  greatest(s.updated_at, d.updated_at) as updated_at
  from ingest.file_drops d join ingest.sources s on s.id = d.source_id`);

/** Where a local drop's folder is: under the tenant's own folder of the drops root, never outside it. */
export function localFolder(root: string, tenantId: string, folder: string): string {
  const tenantRoot = path.resolve(root, tenantId);
  const resolved = path.resolve(tenantRoot, folder);
  if (!resolved.startsWith(`${tenantRoot}${path.sep}`))
    throw new AppError("bad_request", `The folder ${folder} is outside the tenant's drops`);
  return resolved;
}

export function toFileDrop(root: string, row: DropRow, health = NO_FILES): FileDrop {
  return {
    id: row.id,
    name: row.name,
    system: row.system,
    source_system: row.source_system,
    mapping: row.mapping,
    format: row.format,
    location:
      row.location === "folder"
        ? { type: "folder", folder: row.folder, path: localFolder(root, row.tenant_id, row.folder) }
        : {
            type: "sftp",
            host: row.sftp?.host ?? "",
            port: row.sftp?.port ?? 22,
            username: row.sftp?.username ?? "",
            auth: row.sftp?.auth ?? "password",
            folder: row.folder,
            host_fingerprint: row.sftp?.host_fingerprint ?? null,
          },
    pattern: row.pattern,
    settle_seconds: row.settle_seconds,
    poll_seconds: row.poll_seconds,
    status: row.status,
    health,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

// Sealed to its tenant and source: copied to another row, it does not open.
const secretContext = (tenantId: string, sourceId: string) => `${tenantId}/${sourceId}/sftp-credentials`;

export async function openSftpSecret(keyring: Keyring, row: DropRow): Promise<SftpSecret> {
  if (!row.sftp_secret_sealed) return {};
  return JSON.parse(unseal(await keyring.key(), row.sftp_secret_sealed, secretContext(row.tenant_id, row.id))) as SftpSecret;
}

const isUniqueViolation = (error: unknown) => {
  for (let current = error as { code?: string; cause?: unknown } | undefined; current; current = current.cause as typeof current)
    if (current.code === "23505") return true;
  return false;
};

type Location = { location: "folder" | "sftp"; folder: string; sftp: SftpSettings | null; sealed: string | null };

async function locationOf(
  deps: DropStoreDeps,
  tenantId: string,
  sourceId: string,
  name: string,
  input: FileDropInput["location"],
  before?: DropRow,
): Promise<Location> {
  if (input.type === "folder") {
    const folder = input.folder ?? name;
    localFolder(deps.root, tenantId, folder);
    return { location: "folder", folder, sftp: null, sealed: null };
  }
  const sftp = input as SftpLocationInput;
  const given: SftpSecret = { password: sftp.password, private_key: sftp.private_key, passphrase: sftp.passphrase };
  const kept =
    before?.location === "sftp" && !sftp.password && !sftp.private_key ? await openSftpSecret(deps.keyring, before) : undefined;
  const secret = kept ?? given;
  if (!secret.password && !secret.private_key) {
    throw new AppError("validation_failed", "An SFTP drop needs a password or a private key", {
      details: [{ path: "location.password", message: "give password or private_key" }],
    });
  }
  return {
    location: "sftp",
    folder: sftp.folder ?? ".",
    sftp: {
      host: sftp.host,
      port: sftp.port ?? 22,
      username: sftp.username,
      auth: secret.private_key ? "private_key" : "password",
      host_fingerprint: sftp.host_fingerprint ?? null,
    },
    sealed: seal(await deps.keyring.key(), JSON.stringify(secret), secretContext(tenantId, sourceId)),
  };
}

/** What an audit entry may say of a location: never a password or key. */
function auditedLocation(location: FileDropInput["location"] | undefined) {
  if (!location || location.type === "folder") return location;
  const { password, private_key, passphrase, ...rest } = location as SftpLocationInput;
  return { ...rest, password: password ? "(changed)" : undefined, private_key: private_key ? "(changed)" : undefined };
}

async function makeFolders(deps: DropStoreDeps, row: DropRow): Promise<void> {
  if (row.location !== "folder") return;
  const folder = localFolder(deps.root, row.tenant_id, row.folder);
  for (const sub of ["processed", "failed"]) await mkdir(path.join(folder, sub), { recursive: true });
}

export async function findDropRow(db: Database, tenantId: string, idOrName: string): Promise<DropRow> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    rows<DropRow>(tx, sql`${SELECT} where s.id = ${idOrName} or s.name = ${idOrName}`),
  );
  if (!row) throw notFound("File drop", idOrName);
  return row;
}

export async function listDropRows(db: Database, tenantId: string): Promise<DropRow[]> {
  return withTenant(db, tenantId, (tx) => rows<DropRow>(tx, sql`${SELECT} order by s.name`));
}

/** Every tenant's drops, for the watcher. */
export async function allDropRows(db: Database): Promise<DropRow[]> {
  return withSystem(db, (tx) => rows<DropRow>(tx, sql`${SELECT} order by s.id`));
}

export async function createDrop(deps: DropStoreDeps, ctx: WriteContext, raw: FileDropInput): Promise<DropRow> {
  const input = FileDropInput.parse(raw);
  compileSourceMapping(input.mapping);
  const id = newId("src");
  const location = await locationOf(deps, ctx.tenantId, id, input.name, input.location);
  const now = deps.clock().toISOString();
  const sourceSystem = input.source_system ?? input.name;
  const pattern = input.pattern ?? defaultPattern(input.format);
  const poll = input.poll_seconds ?? (location.location === "folder" ? 5 : 30);
  try {
    const row = await withTenant(deps.db, ctx.tenantId, async (tx) => {
      await tx.execute(sql`insert into ingest.sources (tenant_id, id, name, kind, system, source_system, mapping, secret_sealed, status, created_at, updated_at)
          values (${ctx.tenantId}, ${id}, ${input.name}, 'file_drop', ${input.system}, ${sourceSystem},
                  ${JSON.stringify(input.mapping)}::jsonb, null, ${input.status ?? "active"}, ${now}, ${now})`);
      await tx.execute(sql`insert into ingest.file_drops (tenant_id, source_id, location, folder, sftp, sftp_secret_sealed, format, pattern,
                                                         settle_seconds, poll_seconds, created_at, updated_at)
          values (${ctx.tenantId}, ${id}, ${location.location}, ${location.folder}, ${location.sftp ? JSON.stringify(location.sftp) : null}::jsonb,
                  ${location.sealed}, ${JSON.stringify(input.format)}::jsonb, ${pattern}, ${input.settle_seconds}, ${poll}, ${now}, ${now})`);
      await appendAudit(tx, {
        ...ctx,
        action: "ingest.file_drop.created",
        resourceType: "ingest_file_drop",
        resourceId: id,
        data: {
          name: input.name,
          system: input.system,
          source_system: sourceSystem,
          mapping: input.mapping,
          format: input.format,
          location: auditedLocation(input.location),
          pattern,
        },
      });
      const [created] = await rows<DropRow>(tx, sql`${SELECT} where s.id = ${id}`);
      return created as DropRow;
    });
    await makeFolders(deps, row);
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", `A source named ${input.name}, or a drop on the folder ${location.folder}, exists already`);
    }
    throw error;
  }
}

export async function updateDrop(
  deps: DropStoreDeps,
  ctx: WriteContext,
  idOrName: string,
  raw: FileDropUpdate,
): Promise<DropRow> {
  const update = FileDropUpdate.parse(raw);
  if (update.mapping) compileSourceMapping(update.mapping);
  const before = await findDropRow(deps.db, ctx.tenantId, idOrName);
  const location = update.location
    ? await locationOf(deps, ctx.tenantId, before.id, before.name, update.location, before)
    : { location: before.location, folder: before.folder, sftp: before.sftp, sealed: before.sftp_secret_sealed };
  const format = update.format ?? before.format;
  const pattern = update.pattern ?? (update.format ? defaultPattern(format) : before.pattern);
  const now = deps.clock().toISOString();
  try {
    const row = await withTenant(deps.db, ctx.tenantId, async (tx) => {
      await tx.execute(sql`update ingest.sources
             set system = ${update.system ?? before.system}, source_system = ${update.source_system ?? before.source_system},
                 mapping = ${JSON.stringify(update.mapping ?? before.mapping)}::jsonb, status = ${update.status ?? before.status},
                 updated_at = ${now}
           where id = ${before.id}`);
      await tx.execute(sql`update ingest.file_drops
             set location = ${location.location}, folder = ${location.folder},
                 sftp = ${location.sftp ? JSON.stringify(location.sftp) : null}::jsonb, sftp_secret_sealed = ${location.sealed},
                 format = ${JSON.stringify(format)}::jsonb, pattern = ${pattern},
                 settle_seconds = ${update.settle_seconds ?? before.settle_seconds},
                 poll_seconds = ${update.poll_seconds ?? before.poll_seconds}, updated_at = ${now}
           where source_id = ${before.id}`);
      await appendAudit(tx, {
        ...ctx,
        action: "ingest.file_drop.updated",
        resourceType: "ingest_file_drop",
        resourceId: before.id,
        data: { name: before.name, changed: Object.keys(update), ...update, location: auditedLocation(update.location) },
      });
      const [updated] = await rows<DropRow>(tx, sql`${SELECT} where s.id = ${before.id}`);
      return updated as DropRow;
    });
    await makeFolders(deps, row);
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `Another drop watches the folder ${location.folder}`);
    throw error;
  }
}

/**
 * Removes a drop: its folder is no longer watched (the files in it stay). Its history stays too:
 * the file imports and the quarantined rows remain under its source, renamed `<name>-deleted-…`
 * and paused, so the name can be used again.
 */
export async function deleteDrop(deps: DropStoreDeps, ctx: WriteContext, idOrName: string): Promise<void> {
  const before = await findDropRow(deps.db, ctx.tenantId, idOrName);
  const retired = `${before.name.slice(0, 40)}-deleted-${before.id.slice(-8)}`;
  await withTenant(deps.db, ctx.tenantId, async (tx) => {
    await tx.execute(sql`delete from ingest.file_drops where source_id = ${before.id}`);
    await tx.execute(sql`update ingest.sources set name = ${retired}, status = 'paused', updated_at = ${deps.clock().toISOString()}
                          where id = ${before.id}`);
    await appendAudit(tx, {
      ...ctx,
      action: "ingest.file_drop.deleted",
      resourceType: "ingest_file_drop",
      resourceId: before.id,
      data: { name: before.name, kept_as: retired },
    });
  });
}
