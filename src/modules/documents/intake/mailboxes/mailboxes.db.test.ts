import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import hoodiecrow from "hoodiecrow-imap";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { Registry } from "prom-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { WriteContext } from "../../../../platform/actor.ts";
import { rows, withSystem } from "../../../../platform/db/tenant-scope.ts";
import { platformMigrations } from "../../../../platform/index.ts";
import { createLogger } from "../../../../platform/logger.ts";
import { createKeyring } from "../../../../platform/secret-key.ts";
import { invoiceText, pdfOf } from "../../../../platform/testing/sample-documents.ts";
import { createTestDatabase, type TestDatabase, usingServer } from "../../../../platform/testing/test-database.ts";
import { governanceMigrations } from "../../../governance/index.ts";
import { tenancyMigrations } from "../../../tenancy/index.ts";
import { createDocuments, type Documents, documentsMigrations, type StoredFile } from "../../index.ts";
import type { MailboxInput } from "./mailbox-contract.ts";
import { createMailboxes, type Mailboxes } from "./mailboxes.ts";
import { type ImapTestServer, startImapTestServer, startSilentServer } from "./testing/imap-test-server.ts";

const HARBOR = "ten_harbor";
const OTHER = "ten_other";
const ctx = (tenantId = HARBOR): WriteContext => ({
  tenantId,
  actor: { type: "user", id: "usr_admin", label: "admin@harbor.test" },
});

async function email(options: {
  from: string;
  subject?: string;
  text?: string;
  attachments?: { filename: string; content: Buffer }[];
}): Promise<string> {
  const message = await new MailComposer({ to: "ap@harbor.test", subject: "Documents", ...options }).compile().build();
  return message.toString("utf8");
}

describe(`documents: mailboxes polled over IMAP (${usingServer() ? "PostgreSQL server" : "PGlite"})`, () => {
  let test: TestDatabase;
  let documents: Documents;
  let mailboxes: Mailboxes;
  const servers: { close(): Promise<void> }[] = [];
  const logger = createLogger({ level: "silent" });
  const keyring = createKeyring({ secretKey: randomBytes(32).toString("base64"), dataDir: "memory:", databaseKind: "pglite" });
  /** Another process on the same database (or this one after a restart), storing messages with `receive`. */
  const mailboxesReceivingWith = (receive: Documents["receive"]) =>
    createMailboxes({
      db: test.db,
      keyring,
      logger,
      receive,
      settings: { connectMs: 2_000, greetingMs: 1_000, socketMs: 5_000, maxMessageBytes: 256 * 1024 },
      tickMs: 100,
    });
  beforeAll(async () => {
    test = await createTestDatabase([platformMigrations, governanceMigrations, tenancyMigrations, documentsMigrations]);
    documents = createDocuments({ db: test.db, logger, metricsRegistry: new Registry() });
    mailboxes = mailboxesReceivingWith(documents.receive);
  }, 120_000);
  afterEach(async () => {
    await mailboxes.stop();
    // Each test's mailboxes are paused when it ends: the poll loop of a later test leaves them be.
    for (const tenantId of [HARBOR, OTHER]) {
      for (const mailbox of await mailboxes.list(tenantId))
        await mailboxes.update(ctx(tenantId), mailbox.id, { status: "paused" });
    }
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  afterAll(async () => {
    await documents?.stop();
    await test?.drop();
  });

  const imapServer = async () => {
    const server = await startImapTestServer(hoodiecrow);
    servers.push(server);
    return server;
  };
  let count = 0;
  const mailboxOn = (server: ImapTestServer, overrides: Partial<MailboxInput> = {}, tenantId = HARBOR) =>
    mailboxes.create(ctx(tenantId), {
      name: `ap-inbox-${++count}`,
      host: server.host,
      port: server.port,
      tls: "none",
      username: server.username,
      password: server.password,
      ...overrides,
    });
  const filesFrom = async (sender: string) =>
    (await documents.listFiles(HARBOR, { limit: 200 })).filter((file) => file.sender === sender && file.parent_id === null);

  it("takes each message once, with its attachments and sender, and flags it \\Seen", async () => {
    const server = await imapServer();
    const invoice = await pdfOf([invoiceText("INV-9101", { supplier: "Bayside Fasteners" })]);
    const first = await email({
      from: "Billing <billing@bayside.test>",
      subject: "Invoice INV-9101",
      text: "Please find our invoice attached.",
      attachments: [{ filename: "INV-9101.pdf", content: invoice }],
    });
    server.deliver(first);
    server.deliver(await email({ from: "buyer@crossdock.test", subject: "PO 55120 / urgent", text: "PO to follow." }));
    const mailbox = await mailboxOn(server);

    expect(await mailboxes.pollNow(HARBOR, mailbox.id)).toEqual({
      mailbox_id: mailbox.id,
      outcome: "polled",
      taken: 2,
      duplicates: 0,
      skipped: 0,
      error: null,
    });
    expect(server.messages()?.map((message) => message.flags)).toEqual([["\\Seen"], ["\\Seen"]]);
    // Polled again: nothing is taken twice, though the messages are still in the folder.
    expect(await mailboxes.pollNow(HARBOR, mailbox.id)).toMatchObject({ outcome: "polled", taken: 0, duplicates: 0 });
    const third = server.deliver(
      await email({ from: "billing@bayside.test", subject: "Statement", text: "Statement attached." }),
    );
    expect(await mailboxes.pollNow(HARBOR, mailbox.id)).toMatchObject({ outcome: "polled", taken: 1, duplicates: 0 });
    expect(await mailboxes.get(HARBOR, mailbox.id)).toMatchObject({
      uid_validity: "1",
      last_uid: third,
      last_error: null,
      last_polled_at: expect.any(String),
    });

    await documents.drain();
    const bayside = await filesFrom("billing@bayside.test");
    expect(bayside.map((file) => file.name).sort()).toEqual(["Invoice INV-9101.eml", "Statement.eml"]);
    const mail = bayside.find((file) => file.name === "Invoice INV-9101.eml") as StoredFile;
    expect(mail).toMatchObject({ channel: "email", type: "email", status: "read" });
    // The message is kept whole, as the server had it.
    expect((await documents.fileBytes(HARBOR, mail.id)).bytes.toString("utf8")).toBe(first);
    const children = await Promise.all(mail.children.map((id) => documents.getFile(HARBOR, id)));
    const pdf = children.find((child) => child.name === "INV-9101.pdf");
    expect(pdf).toMatchObject({
      type: "pdf",
      channel: "email",
      sender: "billing@bayside.test",
      status: "read",
      parent_id: mail.id,
    });
    const document = await documents.get(HARBOR, pdf?.document_ids[0] as string);
    expect(document).toMatchObject({ kind: "invoice", document_number: "INV-9101" });
    // A subject that is no file name is made one.
    expect((await filesFrom("buyer@crossdock.test")).map((file) => file.name)).toEqual(["PO 55120 urgent.eml"]);
  }, 60_000);

  it("leaves a message it could not store unflagged, says why, and takes it on the next poll, after a restart too", async () => {
    const server = await imapServer();
    for (const subject of ["Fine 1", "Breaks", "Fine 2"]) {
      server.deliver(await email({ from: "flaky@harbor.test", subject, text: subject }));
    }
    const mailbox = await mailboxOn(server);
    let failing = true;
    const flaky = mailboxesReceivingWith(async (context, file) => {
      if (failing && file.name === "Breaks.eml") throw new Error("the database is restarting");
      return documents.receive(context, file);
    });
    const failed = await flaky.pollNow(HARBOR, mailbox.id);
    expect(failed).toEqual({
      mailbox_id: mailbox.id,
      outcome: "failed",
      taken: 1,
      duplicates: 0,
      skipped: 0,
      error: "UID 2 could not be stored: the database is restarting",
    });
    expect(server.messages()?.map((message) => message.flags)).toEqual([["\\Seen"], [], []]);
    expect(await mailboxes.get(HARBOR, mailbox.id)).toMatchObject({
      last_uid: 1,
      last_error: failed.error,
      last_error_at: expect.any(String),
    });

    failing = false;
    // Another instance on the same database (a restart) goes on from where the last poll stopped.
    const restarted = mailboxesReceivingWith(documents.receive);
    expect(await restarted.pollNow(HARBOR, mailbox.id)).toMatchObject({
      outcome: "polled",
      taken: 2,
      duplicates: 0,
      error: null,
    });
    expect(await restarted.pollNow(HARBOR, mailbox.id)).toMatchObject({ outcome: "polled", taken: 0 });
    expect(server.messages()?.map((message) => message.flags)).toEqual([["\\Seen"], ["\\Seen"], ["\\Seen"]]);
    expect(await mailboxes.get(HARBOR, mailbox.id)).toMatchObject({ last_uid: 3, last_error: null });
    expect((await filesFrom("flaky@harbor.test")).map((file) => file.name).sort()).toEqual([
      "Breaks.eml",
      "Fine 1.eml",
      "Fine 2.eml",
    ]);
  });

  it("moves taken messages to a folder, making it when the server has none", async () => {
    const server = await imapServer();
    server.deliver(await email({ from: "pod@carrier.test", subject: "POD 7781", text: "Delivered." }));
    server.deliver(await email({ from: "pod@carrier.test", subject: "POD 7782", text: "Delivered too." }));
    const mailbox = await mailboxOn(server, { after_taking: "move", move_to: "Crossdock/Taken" });
    expect(await mailboxes.pollNow(HARBOR, mailbox.id)).toMatchObject({ outcome: "polled", taken: 2 });
    expect(server.messages()).toEqual([]);
    expect(server.messages("Crossdock/Taken")?.map((message) => message.raw)).toEqual([
      expect.stringContaining("POD 7781"),
      expect.stringContaining("POD 7782"),
    ]);
    server.deliver(await email({ from: "pod@carrier.test", subject: "POD 7783", text: "And this one." }));
    expect(await mailboxes.pollNow(HARBOR, mailbox.id)).toMatchObject({ outcome: "polled", taken: 1 });
    expect(server.messages("Crossdock/Taken")).toHaveLength(3);
    expect((await filesFrom("pod@carrier.test")).map((file) => file.name).sort()).toEqual([
      "POD 7781.eml",
      "POD 7782.eml",
      "POD 7783.eml",
    ]);
  });

  it("skips a message over the size limit, saying which and why, and takes the ones after it", async () => {
    const server = await imapServer();
    const big = server.deliver(
      await email({
        from: "scanner@harbor.test",
        subject: "Whole year of scans",
        attachments: [{ filename: "scans.pdf", content: randomBytes(300 * 1024) }],
      }),
    );
    server.deliver(await email({ from: "scanner@harbor.test", subject: "One scan", text: "A page." }));
    const mailbox = await mailboxOn(server);
    const outcome = await mailboxes.pollNow(HARBOR, mailbox.id);
    expect(outcome).toMatchObject({ outcome: "polled", taken: 1, skipped: 1 });
    expect(outcome.error).toMatch(
      new RegExp(`^UID ${big} \\("Whole year of scans", from scanner@harbor.test\\) is 0\\.4 MB, over the 0\\.3 MB limit`),
    );
    const after = await mailboxes.get(HARBOR, mailbox.id);
    expect(after.last_error).toBe(outcome.error);
    expect(after.skipped).toEqual([
      expect.objectContaining({ uid: big, uid_validity: "1", subject: "Whole year of scans", from: "scanner@harbor.test" }),
    ]);
    // Left as it was, for a person to see; the next message was taken and flagged.
    expect(server.messages()?.map((message) => message.flags)).toEqual([[], ["\\Seen"]]);
    expect((await filesFrom("scanner@harbor.test")).map((file) => file.name)).toEqual(["One scan.eml"]);
    // A clean poll clears last_error; the skipped message stays listed.
    expect(await mailboxes.pollNow(HARBOR, mailbox.id)).toMatchObject({ outcome: "polled", taken: 0, skipped: 0, error: null });
    expect(await mailboxes.get(HARBOR, mailbox.id)).toMatchObject({
      last_error: null,
      skipped: [expect.objectContaining({ uid: big })],
    });
  });

  it("takes the folder again when its UIDVALIDITY changes: new messages once, old ones known by their bytes", async () => {
    const server = await imapServer();
    const old = await email({ from: "ar@northwind.test", subject: "Remittance 1", text: "Paid." });
    server.deliver(old);
    server.deliver(await email({ from: "ar@northwind.test", subject: "Remittance 2", text: "Paid again." }));
    server.deliver(await email({ from: "ar@northwind.test", subject: "Remittance 3", text: "Paid thrice." }));
    const mailbox = await mailboxOn(server);
    expect(await mailboxes.pollNow(HARBOR, mailbox.id)).toMatchObject({ taken: 3 });
    expect(await mailboxes.get(HARBOR, mailbox.id)).toMatchObject({ uid_validity: "1", last_uid: 3 });

    // The folder is made anew (a server migration): UIDs start again at 1, below the last taken.
    server.recreate();
    server.deliver(old);
    server.deliver(await email({ from: "ar@northwind.test", subject: "Remittance 4", text: "Paid once more." }));
    expect(await mailboxes.pollNow(HARBOR, mailbox.id)).toMatchObject({ outcome: "polled", taken: 1, duplicates: 1 });
    expect(await mailboxes.get(HARBOR, mailbox.id)).toMatchObject({ uid_validity: "2", last_uid: 2, last_error: null });
    expect(server.messages()?.map((message) => message.flags)).toEqual([["\\Seen"], ["\\Seen"]]);
    expect(await mailboxes.pollNow(HARBOR, mailbox.id)).toMatchObject({ taken: 0, duplicates: 0 });
    expect((await filesFrom("ar@northwind.test")).map((file) => file.name).sort()).toEqual([
      "Remittance 1.eml",
      "Remittance 2.eml",
      "Remittance 3.eml",
      "Remittance 4.eml",
    ]);
  });

  it("reads a folder it is pointed to from that folder's first message", async () => {
    const server = await imapServer();
    server.createFolder("Invoices");
    server.deliver(await email({ from: "inbox@harbor.test", subject: "Inbox 1", text: "1" }));
    server.deliver(await email({ from: "inbox@harbor.test", subject: "Inbox 2", text: "2" }));
    const mailbox = await mailboxOn(server);
    expect(await mailboxes.pollNow(HARBOR, mailbox.id)).toMatchObject({ taken: 2 });
    // The other folder's UIDs start at 1 too, under the same UIDVALIDITY (as they may on any server).
    server.deliver(await email({ from: "folder@harbor.test", subject: "Filed invoice", text: "3" }), "Invoices");
    const moved = await mailboxes.update(ctx(), mailbox.id, { folder: "Invoices" });
    expect(moved).toMatchObject({ folder: "Invoices", uid_validity: null, last_uid: 0 });
    expect(await mailboxes.pollNow(HARBOR, mailbox.id)).toMatchObject({ outcome: "polled", taken: 1 });
    expect(server.messages("Invoices")?.map((message) => message.flags)).toEqual([["\\Seen"]]);
    expect((await filesFrom("folder@harbor.test")).map((file) => file.name)).toEqual(["Filed invoice.eml"]);
  });

  it("never gives the password back, keeps it sealed, and keeps one tenant's mailboxes from another", async () => {
    const server = await imapServer();
    const mailbox = await mailboxOn(server);
    expect(mailbox).not.toHaveProperty("password");
    for (const shown of [mailbox, await mailboxes.get(HARBOR, mailbox.id), await mailboxes.list(HARBOR)]) {
      expect(JSON.stringify(shown)).not.toContain(server.password);
    }
    const updated = await mailboxes.update(ctx(), mailbox.id, { password: "n3w-s3cret", poll_seconds: 300 });
    expect(JSON.stringify(updated)).not.toContain("n3w-s3cret");
    const stored = await withSystem(test.db, (tx) =>
      rows<{ password_sealed: string }>(tx, sql`select password_sealed from documents.mailboxes where id = ${mailbox.id}`),
    );
    expect(stored[0]?.password_sealed).toMatch(/^v1\./);
    expect(stored[0]?.password_sealed).not.toContain("n3w-s3cret");
    const audit = await withSystem(test.db, (tx) =>
      rows<{ action: string; data: unknown }>(
        tx,
        sql`select action, data from governance.audit_entries where resource_id = ${mailbox.id} order by seq`,
      ),
    );
    expect(audit.map((entry) => entry.action)).toEqual(["documents.mailbox.created", "documents.mailbox.updated"]);
    expect(JSON.stringify(audit)).not.toContain(server.password);
    expect(JSON.stringify(audit)).not.toContain("n3w-s3cret");
    expect(audit[1]?.data).toMatchObject({ password: "(changed)", poll_seconds: 300 });

    // Another tenant sees none of it, cannot poll, change or remove it.
    expect(await mailboxes.list(OTHER)).toEqual([]);
    await expect(mailboxes.get(OTHER, mailbox.id)).rejects.toThrow(/not found/);
    await expect(mailboxes.get(OTHER, mailbox.name)).rejects.toThrow(/not found/);
    await expect(mailboxes.pollNow(OTHER, mailbox.id)).rejects.toThrow(/not found/);
    await expect(mailboxes.update(ctx(OTHER), mailbox.id, { status: "paused" })).rejects.toThrow(/not found/);
    await expect(mailboxes.remove(ctx(OTHER), mailbox.id)).rejects.toThrow(/not found/);
    // The same name in another tenant is that tenant's own.
    const theirs = await mailboxOn(server, { name: mailbox.name }, OTHER);
    expect((await mailboxes.list(OTHER)).map((found) => found.id)).toEqual([theirs.id]);
    await expect(mailboxOn(server, { name: mailbox.name })).rejects.toThrow(/exists already/);

    // The new password is the one used.
    server.deliver(await email({ from: "tenant@harbor.test", subject: "Check", text: "x" }));
    expect(await mailboxes.pollNow(HARBOR, mailbox.id)).toMatchObject({
      outcome: "failed",
      error: expect.stringContaining("refused"),
    });
    await mailboxes.update(ctx(), mailbox.id, { password: server.password });
    expect(await mailboxes.pollNow(HARBOR, mailbox.id)).toMatchObject({ outcome: "polled", taken: 1 });
    await mailboxes.remove(ctx(), mailbox.id);
    await expect(mailboxes.get(HARBOR, mailbox.id)).rejects.toThrow(/not found/);
    // The files taken from it stay.
    expect(await filesFrom("tenant@harbor.test")).toHaveLength(1);
  });

  it("checks what it is given: a move needs a folder, a paused mailbox is not polled", async () => {
    const server = await imapServer();
    await expect(mailboxOn(server, { after_taking: "move" })).rejects.toThrow(/move_to/);
    await expect(mailboxOn(server, { poll_seconds: 1 })).rejects.toThrow();
    const mailbox = await mailboxOn(server, { tls: "tls", port: undefined });
    expect(mailbox).toMatchObject({ port: 993, tls: "tls", folder: "INBOX", after_taking: "mark_seen", poll_seconds: 60 });
    await expect(mailboxes.update(ctx(), mailbox.id, { after_taking: "move" })).rejects.toThrow(/folder to move them to/);
    await mailboxes.update(ctx(), mailbox.id, { status: "paused" });
    await expect(mailboxes.pollNow(HARBOR, mailbox.id)).rejects.toThrow(/paused/);
  });

  it("polls every active mailbox at its interval: a wrong password and a silent host are recorded, and the good one is still taken", async () => {
    const good = await imapServer();
    const silent = await startSilentServer();
    servers.push(silent);
    const wrong = await mailboxOn(good, { name: "a-wrong-password", password: "not-it" });
    const hanging = await mailboxOn(good, { name: "b-silent-host", port: silent.port });
    const gone = await startSilentServer();
    await gone.close();
    const refused = await mailboxOn(good, { name: "c-nothing-listening", port: gone.port });
    const working = await mailboxOn(good, { name: "d-working", poll_seconds: 10 });
    good.deliver(await email({ from: "loop@harbor.test", subject: "First", text: "1" }));

    mailboxes.start();
    const settled = async () => {
      for (let tries = 0; tries < 100; tries++) {
        const all = await Promise.all([wrong, hanging, refused, working].map((mailbox) => mailboxes.get(HARBOR, mailbox.id)));
        if (all.every((mailbox) => mailbox.last_polled_at)) return all;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error("the mailboxes were not all polled");
    };
    const [a, b, c, d] = await settled();
    expect(a?.last_error).toMatch(/^127\.0\.0\.1:\d+ refused the sign-in of ap@harbor\.test: .*check the username and password/);
    expect(b?.last_error).toMatch(/sent no IMAP greeting within 1 s/);
    expect(c?.last_error).toMatch(/connection refused/);
    expect(d).toMatchObject({ last_error: null, last_uid: 1 });
    expect((await filesFrom("loop@harbor.test")).map((file) => file.name)).toEqual(["First.eml"]);
    expect(a?.last_error_at).toEqual(a?.last_polled_at);
    await mailboxes.stop();
  }, 30_000);
});
