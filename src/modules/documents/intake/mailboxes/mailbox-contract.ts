import { z } from "zod";

export const MailboxTls = z.enum(["tls", "starttls", "none"]);
export type MailboxTls = z.infer<typeof MailboxTls>;
export const AfterTaking = z.enum(["mark_seen", "move"]);
export type AfterTaking = z.infer<typeof AfterTaking>;
export const MailboxStatus = z.enum(["active", "paused"]);
export type MailboxStatus = z.infer<typeof MailboxStatus>;

const ImapFolder = z
  .string()
  .min(1)
  .max(500)
  .regex(/^[^\r\n\0]+$/, "a folder name, on one line");

const fields = {
  name: z.string().trim().min(1).max(100),
  host: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[A-Za-z0-9.:[\]-]+$/, "a host name or IP address"),
  /** 993 for tls, 143 otherwise, when left out. */
  port: z.number().int().min(1).max(65535),
  /** tls: TLS from the first byte (port 993); starttls: STARTTLS required (143); none: unencrypted, for a server on the same machine or network only. */
  tls: MailboxTls,
  username: z.string().min(1).max(320),
  /** Kept sealed; never returned. */
  password: z.string().min(1).max(1000),
  /** The folder polled. */
  folder: ImapFolder,
  /** What is done to a message once its file is stored: flagged \Seen, or moved to `move_to` (made when missing). */
  after_taking: AfterTaking,
  move_to: ImapFolder,
  poll_seconds: z.number().int().min(10).max(86_400),
  status: MailboxStatus,
};

const moveNeedsFolder = (
  value: { after_taking?: AfterTaking | undefined; move_to?: string | null | undefined },
  ctx: z.RefinementCtx,
) => {
  if (value.after_taking === "move" && !value.move_to) {
    ctx.addIssue({ code: "custom", path: ["move_to"], message: "give the folder taken messages are moved to" });
  }
};

export const MailboxInput = z
  .object({
    ...fields,
    port: fields.port.optional(),
    tls: fields.tls.default("tls"),
    folder: fields.folder.default("INBOX"),
    after_taking: fields.after_taking.default("mark_seen"),
    move_to: fields.move_to.optional(),
    poll_seconds: fields.poll_seconds.default(60),
    status: fields.status.default("active"),
  })
  .strict()
  .superRefine(moveNeedsFolder);
export type MailboxInput = z.input<typeof MailboxInput>;

/**
 * A change: what is left out is kept (the password too). A new host, port, username or folder is
 * another folder: it is read again from its first message.
 */
export const MailboxUpdate = z
  .object({ ...fields, move_to: fields.move_to.nullable() })
  .partial()
  .strict();
export type MailboxUpdate = z.input<typeof MailboxUpdate>;

/** A message that was not taken, and why. */
export const SkippedMessage = z.object({
  uid: z.number().int(),
  uid_validity: z.string(),
  subject: z.string().nullable(),
  from: z.string().nullable(),
  size: z.number().int(),
  reason: z.string(),
  at: z.string(),
});
export type SkippedMessage = z.infer<typeof SkippedMessage>;

/** A mailbox as read back: never its password. */
export const Mailbox = z.object({
  id: z.string(),
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  tls: MailboxTls,
  username: z.string(),
  folder: z.string(),
  after_taking: AfterTaking,
  move_to: z.string().nullable(),
  poll_seconds: z.number().int(),
  status: MailboxStatus,
  /** The folder's UIDVALIDITY when last polled, and the highest UID taken under it. */
  uid_validity: z.string().nullable(),
  last_uid: z.number().int(),
  last_polled_at: z.string().nullable(),
  /** Why the last poll failed, or which message it skipped and why; null after a clean poll. */
  last_error: z.string().nullable(),
  last_error_at: z.string().nullable(),
  /** Messages left in the mailbox, not taken (over the size limit), most recent first. */
  skipped: z.array(SkippedMessage),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Mailbox = z.infer<typeof Mailbox>;

/** What one poll did. */
export const PollOutcome = z.object({
  mailbox_id: z.string(),
  /** polled: connected and took what was new; failed: see error; busy: another process was polling it. */
  outcome: z.enum(["polled", "failed", "busy"]),
  /** Messages stored as new files. */
  taken: z.number().int(),
  /** Messages whose bytes were stored before (taken again after a UIDVALIDITY change, or sent twice). */
  duplicates: z.number().int(),
  skipped: z.number().int(),
  error: z.string().nullable(),
});
export type PollOutcome = z.infer<typeof PollOutcome>;
