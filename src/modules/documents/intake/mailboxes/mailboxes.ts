import type { WriteContext } from "../../../../platform/actor.ts";
import type { Database } from "../../../../platform/db/database.ts";
import { AppError } from "../../../../platform/errors.ts";
import type { Logger } from "../../../../platform/logger.ts";
import type { Keyring } from "../../../../platform/secret-key.ts";
import type { Mailbox, MailboxInput, MailboxUpdate, PollOutcome } from "./mailbox-contract.ts";
import { createMailboxPoller } from "./mailbox-poller.ts";
import { createMailbox, deleteMailbox, findMailboxRow, listMailboxRows, toMailbox, updateMailbox } from "./mailbox-store.ts";
import { DEFAULT_POLL_SETTINGS, type PollSettings, type ReceiveMail } from "./poll-mailbox.ts";

export type MailboxesDeps = {
  db: Database;
  /** Seals each mailbox's password (createKeyring in main.ts). */
  keyring: Keyring;
  logger: Logger;
  clock?: () => Date;
  /** Where each message goes: the documents facade's `receive`. */
  receive: ReceiveMail;
  /** Timeouts, the lease and the message size limit (DEFAULT_POLL_SETTINGS), for tests to shorten. */
  settings?: Partial<PollSettings>;
  /** How often the poll loop looks for mailboxes due (5 s). */
  tickMs?: number;
};

/** Mailboxes polled over IMAP: each new message's source stored as a file, once. */
export function createMailboxes(deps: MailboxesDeps) {
  const clock = deps.clock ?? (() => new Date());
  const storeDeps = { db: deps.db, keyring: deps.keyring, clock };
  const poller = createMailboxPoller({
    db: deps.db,
    keyring: deps.keyring,
    logger: deps.logger,
    clock,
    receive: deps.receive,
    settings: { ...DEFAULT_POLL_SETTINGS, ...deps.settings },
    tickMs: deps.tickMs,
  });

  return {
    async create(ctx: WriteContext, input: MailboxInput): Promise<Mailbox> {
      const row = await createMailbox(storeDeps, ctx, input);
      poller.poke();
      return toMailbox(row);
    },
    async list(tenantId: string): Promise<Mailbox[]> {
      return (await listMailboxRows(deps.db, tenantId)).map(toMailbox);
    },
    get: async (tenantId: string, idOrName: string): Promise<Mailbox> =>
      toMailbox(await findMailboxRow(deps.db, tenantId, idOrName)),
    async update(ctx: WriteContext, idOrName: string, update: MailboxUpdate): Promise<Mailbox> {
      const row = await updateMailbox(storeDeps, ctx, idOrName, update);
      poller.poke();
      return toMailbox(row);
    },
    /** Stops polling it; the files taken from it stay. */
    remove: (ctx: WriteContext, idOrName: string): Promise<void> => deleteMailbox(storeDeps, ctx, idOrName),
    /**
     * Polls the mailbox now and resolves when done (after a poll of it already running here): what
     * it took, or why it failed (recorded on the mailbox too). `busy` when another process polls it.
     */
    async pollNow(tenantId: string, idOrName: string): Promise<PollOutcome> {
      const row = await findMailboxRow(deps.db, tenantId, idOrName);
      if (row.status !== "active") throw new AppError("conflict", `Mailbox ${row.name} is paused: make it active to poll it`);
      return poller.poll(tenantId, row.id);
    },
    /** Polls every active mailbox of every tenant at its interval (worker processes). */
    start: () => poller.start(),
    stop: () => poller.stop(),
  };
}

export type Mailboxes = ReturnType<typeof createMailboxes>;
