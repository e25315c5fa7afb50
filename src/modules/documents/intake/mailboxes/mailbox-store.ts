import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../../platform/actor.ts";
import { seal, unseal } from "../../../../platform/crypto.ts";
import type { Database } from "../../../../platform/db/database.ts";
import { iso, isoOrNull } from "../../../../platform/db/db-values.ts";
import { rows, withSystem, withTenant } from "../../../../platform/db/tenant-scope.ts";
import { AppError, notFound } from "../../../../platform/errors.ts";
import { newId } from "../../../../platform/ids.ts";
import type { Keyring } from "../../../../platform/secret-key.ts";
import { appendAudit } from "../../../governance/index.ts";
import {
  type AfterTaking,
  type Mailbox,
  MailboxInput,
  type MailboxStatus,
  type MailboxTls,
  MailboxUpdate,
  type SkippedMessage,
} from "./mailbox-contract.ts";

export type MailboxStoreDeps = { db: Database; keyring: Keyring; clock: () => Date };

export type MailboxRow = {
  tenant_id: string;
  id: string;
  name: string;
  host: string;
  port: number;
  tls: MailboxTls;
  username: string;
  password_sealed: string;
  folder: string;
  after_taking: AfterTaking;
  move_to: string | null;
  poll_seconds: number;
  status: MailboxStatus;
  uid_validity: string | number | null;
  last_uid: string | number;
  last_polled_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  skipped: SkippedMessage[];
  created_at: string;
  updated_at: string;
};

/** Skipped messages kept on a mailbox, most recent first. */
const SKIPPED_KEPT = 20;

const COLUMNS = sql.raw(`tenant_id, id, name, host, port, tls, username, password_sealed, folder, after_taking, move_to,
  poll_seconds, status, uid_validity, last_uid, last_polled_at, last_error, last_error_at, skipped, created_at, updated_at`);

export function toMailbox(row: MailboxRow): Mailbox {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    tls: row.tls,
    username: row.username,
    folder: row.folder,
    after_taking: row.after_taking,
    move_to: row.move_to,
    poll_seconds: row.poll_seconds,
    status: row.status,
    uid_validity: row.uid_validity === null ? null : String(row.uid_validity),
    last_uid: Number(row.last_uid),
    last_polled_at: isoOrNull(row.last_polled_at),
    last_error: row.last_error,
    last_error_at: isoOrNull(row.last_error_at),
    skipped: row.skipped,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

// Sealed to its tenant and mailbox: copied to another row, it does not open.
const passwordContext = (tenantId: string, mailboxId: string) => `${tenantId}/${mailboxId}/imap-password`;

export async function openPassword(keyring: Keyring, row: MailboxRow): Promise<string> {
  return unseal(await keyring.key(), row.password_sealed, passwordContext(row.tenant_id, row.id));
}

const isUniqueViolation = (error: unknown) => {
  for (let current = error as { code?: string; cause?: unknown } | undefined; current; current = current.cause as typeof current)
    if (current.code === "23505") return true;
  return false;
};

const defaultPort = (tls: MailboxTls) => (tls === "tls" ? 993 : 143);

/** What an audit entry may say of a mailbox's settings: never the password. */
function audited(settings: Record<string, unknown>) {
  const { password, ...rest } = settings;
  return password === undefined ? rest : { ...rest, password: "(changed)" };
}

export async function findMailboxRow(db: Database, tenantId: string, idOrName: string): Promise<MailboxRow> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    rows<MailboxRow>(tx, sql`select ${COLUMNS} from documents.mailboxes where id = ${idOrName} or name = ${idOrName}`),
  );
  if (!row) throw notFound("Mailbox", idOrName);
  return row;
}

export async function listMailboxRows(db: Database, tenantId: string): Promise<MailboxRow[]> {
  return withTenant(db, tenantId, (tx) => rows<MailboxRow>(tx, sql`select ${COLUMNS} from documents.mailboxes order by name`));
}

/** Every tenant's active mailboxes, for the poller. */
export async function activeMailboxRows(db: Database): Promise<MailboxRow[]> {
  return withSystem(db, (tx) =>
    rows<MailboxRow>(tx, sql`select ${COLUMNS} from documents.mailboxes where status = 'active' order by id`),
  );
}

export async function createMailbox(deps: MailboxStoreDeps, ctx: WriteContext, raw: MailboxInput): Promise<MailboxRow> {
  const input = MailboxInput.parse(raw);
  const id = newId("mbx");
  const sealed = seal(await deps.keyring.key(), input.password, passwordContext(ctx.tenantId, id));
  const now = deps.clock().toISOString();
  const port = input.port ?? defaultPort(input.tls);
  const moveTo = input.after_taking === "move" ? (input.move_to ?? null) : null;
  try {
    return await withTenant(deps.db, ctx.tenantId, async (tx) => {
      const [row] = await rows<MailboxRow>(
        tx,
        sql`insert into documents.mailboxes (tenant_id, id, name, host, port, tls, username, password_sealed, folder, after_taking,
                                             move_to, poll_seconds, status, created_at, updated_at)
            values (${ctx.tenantId}, ${id}, ${input.name}, ${input.host}, ${port}, ${input.tls}, ${input.username}, ${sealed},
                    ${input.folder}, ${input.after_taking}, ${moveTo}, ${input.poll_seconds}, ${input.status}, ${now}, ${now})
            returning ${COLUMNS}`,
      );
      await appendAudit(tx, {
        ...ctx,
        action: "documents.mailbox.created",
        resourceType: "documents_mailbox",
        resourceId: id,
        data: audited({ ...input, port, move_to: moveTo }),
      });
      return row as MailboxRow;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `A mailbox named ${input.name} exists already`);
    throw error;
  }
}

export async function updateMailbox(
  deps: MailboxStoreDeps,
  ctx: WriteContext,
  idOrName: string,
  raw: MailboxUpdate,
): Promise<MailboxRow> {
  const update = MailboxUpdate.parse(raw);
  const before = await findMailboxRow(deps.db, ctx.tenantId, idOrName);
  const tls = update.tls ?? before.tls;
  const after = {
    name: update.name ?? before.name,
    host: update.host ?? before.host,
    tls,
    // A new TLS mode without a port takes that mode's usual port.
    port: update.port ?? (update.tls && update.tls !== before.tls ? defaultPort(tls) : before.port),
    username: update.username ?? before.username,
    folder: update.folder ?? before.folder,
    after_taking: update.after_taking ?? before.after_taking,
    poll_seconds: update.poll_seconds ?? before.poll_seconds,
    status: update.status ?? before.status,
  };
  const moveTo = after.after_taking === "move" ? (update.move_to === undefined ? before.move_to : update.move_to) : null;
  if (after.after_taking === "move" && !moveTo) {
    throw new AppError("validation_failed", "Moving taken messages needs the folder to move them to", {
      details: [{ path: "move_to", message: "give the folder taken messages are moved to" }],
    });
  }
  const sealed = update.password
    ? seal(await deps.keyring.key(), update.password, passwordContext(ctx.tenantId, before.id))
    : before.password_sealed;
  // Another server, account or folder: its UIDs say nothing of the old one's.
  const elsewhere =
    after.host !== before.host ||
    after.port !== before.port ||
    after.username !== before.username ||
    after.folder !== before.folder;
  const now = deps.clock().toISOString();
  try {
    return await withTenant(deps.db, ctx.tenantId, async (tx) => {
      const [row] = await rows<MailboxRow>(
        tx,
        sql`update documents.mailboxes
               set name = ${after.name}, host = ${after.host}, port = ${after.port}, tls = ${after.tls}, username = ${after.username},
                   password_sealed = ${sealed}, folder = ${after.folder}, after_taking = ${after.after_taking}, move_to = ${moveTo},
                   poll_seconds = ${after.poll_seconds}, status = ${after.status}, updated_at = ${now},
                   uid_validity = case when ${elsewhere}::boolean then null else uid_validity end,
                   last_uid = case when ${elsewhere}::boolean then 0 else last_uid end,
                   -- A poll of the old folder in flight loses its lease: it stops rather than record its UIDs here.
                   lease_owner = case when ${elsewhere}::boolean then null else lease_owner end,
                   leased_until = case when ${elsewhere}::boolean then null else leased_until end
             where id = ${before.id}
         returning ${COLUMNS}`,
      );
      await appendAudit(tx, {
        ...ctx,
        action: "documents.mailbox.updated",
        resourceType: "documents_mailbox",
        resourceId: before.id,
        data: { name: before.name, changed: Object.keys(update), ...audited(update), read_again: elsewhere },
      });
      return row as MailboxRow;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `A mailbox named ${after.name} exists already`);
    throw error;
  }
}

/** Removes a mailbox: it is no longer polled. The files taken from it stay. */
export async function deleteMailbox(deps: MailboxStoreDeps, ctx: WriteContext, idOrName: string): Promise<void> {
  const before = await findMailboxRow(deps.db, ctx.tenantId, idOrName);
  await withTenant(deps.db, ctx.tenantId, async (tx) => {
    await tx.execute(sql`delete from documents.mailboxes where id = ${before.id}`);
    await appendAudit(tx, {
      ...ctx,
      action: "documents.mailbox.deleted",
      resourceType: "documents_mailbox",
      resourceId: before.id,
      data: { name: before.name, host: before.host, username: before.username, folder: before.folder },
    });
  });
}

/**
 * Takes the mailbox for one poll, unless another poll holds it: the row as it is now, or null.
 * Paused and deleted mailboxes are not taken.
 */
export async function leaseMailbox(db: Database, tenantId: string, id: string, owner: string, ms: number) {
  const [row] = await withTenant(db, tenantId, (tx) =>
    rows<MailboxRow>(
      tx,
      sql`update documents.mailboxes set lease_owner = ${owner}, leased_until = now() + make_interval(secs => ${ms / 1000})
           where id = ${id} and status = 'active' and (leased_until is null or leased_until < now())
       returning ${COLUMNS}`,
    ),
  );
  return row ?? null;
}

/**
 * Records the folder's UIDVALIDITY and the highest UID taken, and holds the lease on; false when
 * the lease was lost (another process took the mailbox over), and the poll must stop.
 */
export async function advanceMailbox(
  db: Database,
  row: MailboxRow,
  owner: string,
  ms: number,
  position: { uidValidity: string; lastUid: number },
): Promise<boolean> {
  const updated = await withTenant(db, row.tenant_id, (tx) =>
    rows<{ id: string }>(
      tx,
      sql`update documents.mailboxes
             set uid_validity = ${position.uidValidity}, last_uid = ${position.lastUid},
                 leased_until = now() + make_interval(secs => ${ms / 1000})
           where id = ${row.id} and lease_owner = ${owner}
       returning id`,
    ),
  );
  return updated.length === 1;
}

/** Ends a poll: when it was, what went wrong (or null), the messages it skipped; lets the lease go. */
export async function finishPoll(
  db: Database,
  row: MailboxRow,
  owner: string,
  at: Date,
  outcome: { error: string | null; skipped: SkippedMessage[] },
): Promise<void> {
  const skipped = [...outcome.skipped].reverse();
  await withTenant(db, row.tenant_id, (tx) =>
    tx.execute(sql`update documents.mailboxes
             set last_polled_at = ${at.toISOString()}, last_error = ${outcome.error},
                 last_error_at = case when ${outcome.error}::text is null then last_error_at else ${at.toISOString()}::timestamptz end,
                 skipped = (select coalesce(jsonb_agg(value order by ordinality), '[]'::jsonb)
                              from jsonb_array_elements(${JSON.stringify(skipped)}::jsonb || skipped) with ordinality
                             where ordinality <= ${SKIPPED_KEPT}),
                 lease_owner = null, leased_until = null
           where id = ${row.id} and lease_owner = ${owner}`),
  );
}
