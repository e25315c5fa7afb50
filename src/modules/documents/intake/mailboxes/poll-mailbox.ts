import { ImapFlow } from "imapflow";
import type { WriteContext } from "../../../../platform/actor.ts";
import type { Database } from "../../../../platform/db/database.ts";
import type { Logger } from "../../../../platform/logger.ts";
import type { Keyring } from "../../../../platform/secret-key.ts";
import type { Received } from "../../contract/documents.ts";
import { describeImapError } from "./imap-error.ts";
import type { PollOutcome, SkippedMessage } from "./mailbox-contract.ts";
import { advanceMailbox, finishPoll, leaseMailbox, type MailboxRow, openPassword } from "./mailbox-store.ts";

/** A message as handed to the documents module: the documents facade's `receive`. */
export type MailFile = { name: string; bytes: Uint8Array; channel: "email"; sender: string | null };
export type ReceiveMail = (ctx: WriteContext, file: MailFile) => Promise<Received>;

export type PollSettings = {
  /** To open the connection (TCP and TLS). */
  connectMs: number;
  /** For the server's greeting once connected. */
  greetingMs: number;
  /** A connection silent this long is dropped. */
  socketMs: number;
  /** How long a poll holds its mailbox; renewed with each message taken. */
  leaseMs: number;
  /** Larger messages are not taken: they are recorded as skipped, and left in the mailbox. */
  maxMessageBytes: number;
};

export const DEFAULT_POLL_SETTINGS: PollSettings = {
  connectMs: 15_000,
  greetingMs: 15_000,
  socketMs: 60_000,
  leaseMs: 300_000,
  maxMessageBytes: 50 * 1024 * 1024,
};

export type PollDeps = {
  db: Database;
  keyring: Keyring;
  logger: Logger;
  clock: () => Date;
  receive: ReceiveMail;
  settings: PollSettings;
};

/** A poll stopped for a reason already said in words (not an IMAP error to describe). */
class PollStopped extends Error {}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `<subject>.eml`, or `message-<uid>.eml`: a name that is safe as a file name anywhere. */
export function emlName(subject: string | undefined, uid: number): string {
  const cleaned = (subject ?? "")
    .replace(/[\p{Cc}\\/:*?"<>|]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 150)
    .trim();
  return `${cleaned || `message-${uid}`}.eml`;
}

type Found = { uid: number; size?: number | undefined; subject: string | null; from: string | null };

/**
 * Polls one mailbox once: takes every message above the last UID taken (all of them after a
 * UIDVALIDITY change), stores each one's whole source with `receive`, then flags it \Seen or moves
 * it, then records its UID. A crash between storing and recording takes the message again next
 * time, and `receive` finds its bytes stored already. Never throws for the mailbox's own failures:
 * they are recorded on it as last_error and returned.
 */
export async function pollMailbox(
  deps: PollDeps,
  tenantId: string,
  id: string,
  owner: string,
  signal?: AbortSignal,
): Promise<PollOutcome> {
  const row = await leaseMailbox(deps.db, tenantId, id, owner, deps.settings.leaseMs);
  if (!row) return { mailbox_id: id, outcome: "busy", taken: 0, duplicates: 0, skipped: 0, error: null };
  const counts = { taken: 0, duplicates: 0 };
  const skipped: SkippedMessage[] = [];
  let error: string | null = null;
  try {
    await takeNew(deps, row, owner, counts, skipped, signal);
  } catch (caught) {
    error = caught instanceof PollStopped ? caught.message : describeImapError(caught, row, deps.settings);
    deps.logger.warn({ err: caught, tenant: row.tenant_id, mailbox: row.id, name: row.name }, `mailbox: poll failed: ${error}`);
  }
  const notes = [error, ...skipped.map((message) => message.reason)].filter(Boolean).join("; ") || null;
  await finishPoll(deps.db, row, owner, deps.clock(), { error: notes, skipped });
  return { mailbox_id: row.id, outcome: error ? "failed" : "polled", ...counts, skipped: skipped.length, error: notes };
}

async function takeNew(
  deps: PollDeps,
  row: MailboxRow,
  owner: string,
  counts: { taken: number; duplicates: number },
  skipped: SkippedMessage[],
  signal: AbortSignal | undefined,
): Promise<void> {
  const { settings } = deps;
  const password = await openPassword(deps.keyring, row).catch(() => {
    throw new PollStopped(
      "The password cannot be opened with this server's key (was CROSSDOCK_SECRET_KEY changed?): enter it again",
    );
  });
  const client = new ImapFlow({
    host: row.host,
    port: row.port,
    secure: row.tls === "tls",
    doSTARTTLS: row.tls === "starttls" ? true : row.tls === "none" ? false : undefined,
    auth: { user: row.username, pass: password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: settings.connectMs,
    greetingTimeout: settings.greetingMs,
    socketTimeout: settings.socketMs,
  });
  // A dropped connection is also reported as an event; the command in flight fails with it.
  client.on("error", (error: Error) => deps.logger.debug({ err: error, mailbox: row.id }, "mailbox: connection error"));
  try {
    await client.connect();
    const lock = await client.getMailboxLock(row.folder).catch((error: Error & { responseText?: string }) => {
      if (!client.usable) throw error;
      throw new PollStopped(`The folder ${row.folder} cannot be opened: ${error.responseText || error.message}`);
    });
    try {
      const mailbox = client.mailbox;
      if (!mailbox) throw new PollStopped(`The folder ${row.folder} was not opened`);
      const uidValidity = String(mailbox.uidValidity);
      let lastUid = Number(row.last_uid);
      const advance = async (uid: number) => {
        lastUid = uid;
        const held = await advanceMailbox(deps.db, row, owner, settings.leaseMs, { uidValidity, lastUid }).catch(
          (error: Error) => {
            throw new PollStopped(`UID ${uid} was taken but could not be recorded: ${error.message}`);
          },
        );
        if (!held) {
          throw new PollStopped("The mailbox was changed, or another poll took it over, while this one ran: this one stopped");
        }
      };
      if (row.uid_validity === null || String(row.uid_validity) !== uidValidity) {
        if (row.uid_validity !== null) {
          deps.logger.warn(
            { tenant: row.tenant_id, mailbox: row.id, before: String(row.uid_validity), now: uidValidity },
            "mailbox: the folder's UIDVALIDITY changed; its messages are taken again (those stored before come back as duplicates)",
          );
        }
        await advance(row.uid_validity === null ? lastUid : 0);
      }
      if (mailbox.exists === 0) return;
      // `n:*` names the last message even when its UID is below n: kept to those above.
      const found: Found[] = (await client.fetchAll(`${lastUid + 1}:*`, { uid: true, size: true, envelope: true }, { uid: true }))
        .filter((message) => message.uid > lastUid)
        .sort((a, b) => a.uid - b.uid)
        .map((message) => ({
          uid: message.uid,
          size: message.size,
          subject: message.envelope?.subject ?? null,
          from: message.envelope?.from?.[0]?.address ?? null,
        }));
      if (found.length > 0 && row.after_taking === "move") await ensureFolder(client, row.move_to as string);
      const ctx: WriteContext = { tenantId: row.tenant_id, actor: { type: "system", id: row.id, label: `mailbox ${row.name}` } };

      for (const message of found) {
        if (signal?.aborted) return;
        const skip = (size: number) => {
          const about = [message.subject && `"${message.subject.slice(0, 80)}"`, message.from && `from ${message.from}`];
          const what = `UID ${message.uid}${about.some(Boolean) ? ` (${about.filter(Boolean).join(", ")})` : ""}`;
          const reason = `${what} is ${megabytes(size)}, over the ${megabytes(settings.maxMessageBytes)} limit: left in the mailbox, not taken`;
          skipped.push({ ...message, size, uid_validity: uidValidity, reason, at: deps.clock().toISOString() });
          deps.logger.warn({ tenant: row.tenant_id, mailbox: row.id, uid: message.uid, size }, `mailbox: ${reason}`);
        };
        if (message.size !== undefined && message.size > settings.maxMessageBytes) {
          skip(message.size);
          await advance(message.uid);
          continue;
        }
        const fetched = await client.fetchOne(String(message.uid), { uid: true, source: true }, { uid: true });
        const source = fetched ? fetched.source : undefined;
        if (!source) {
          const still = await client.search({ uid: String(message.uid) }, { uid: true });
          if (still && still.length > 0) throw new PollStopped(`UID ${message.uid} could not be read from the server`);
          await advance(message.uid); // deleted by someone since it was listed
          continue;
        }
        if (source.length > settings.maxMessageBytes) {
          skip(source.length);
          await advance(message.uid);
          continue;
        }
        const received = await deps
          .receive(ctx, {
            name: emlName(message.subject ?? undefined, message.uid),
            bytes: source,
            channel: "email",
            sender: message.from,
          })
          .catch((error: Error) => {
            throw new PollStopped(`UID ${message.uid} could not be stored: ${error.message}`);
          });
        if (received.duplicate) counts.duplicates++;
        else counts.taken++;
        await markTaken(client, row, message.uid);
        await advance(message.uid);
      }
    } finally {
      lock.release();
    }
  } finally {
    if (client.usable) await client.logout().catch(() => undefined);
    client.close();
  }
}

/** Flags the message \Seen, or moves it; a server's refusal stops the poll, and the message is taken again next time (as a duplicate). */
async function markTaken(client: ImapFlow, row: MailboxRow, uid: number): Promise<void> {
  if (row.after_taking === "move") {
    const moved = await client.messageMove(String(uid), row.move_to as string, { uid: true });
    if (!moved) throw new PollStopped(`UID ${uid} was stored but the server did not move it to ${row.move_to}`);
    return;
  }
  const flagged = await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
  if (!flagged) throw new PollStopped(`UID ${uid} was stored but the server did not flag it \\Seen`);
}

/** Makes the folder taken messages are moved to, if the server does not have it. */
async function ensureFolder(client: ImapFlow, path: string): Promise<void> {
  const folders = await client.list();
  if (folders.some((folder) => folder.path === path)) return;
  await client.mailboxCreate(path).catch((error: Error & { responseText?: string }) => {
    throw new PollStopped(
      `The folder ${path} (where taken messages go) is missing and cannot be made: ${error.responseText || error.message}`,
    );
  });
}
