import { type AddressInfo, createServer, type Server, type Socket } from "node:net";
import type { Hoodiecrow, HoodiecrowOptions } from "hoodiecrow-imap";

/** hoodiecrow-imap's export: the test loads it (a dev dependency, which only tests may import). */
export type HoodiecrowFactory = (options: HoodiecrowOptions) => Hoodiecrow;

export type ImapTestServer = {
  host: string;
  port: number;
  username: string;
  password: string;
  /** Delivers a message to the folder, as a mail server would: its UID. */
  deliver(raw: string | Buffer, folder?: string): number;
  /** Makes a folder, as a person would in their mail program. */
  createFolder(path: string): void;
  /** The folder's messages as the server holds them (undefined: no such folder). */
  messages(folder?: string): { uid: number; flags: string[]; raw: string }[] | undefined;
  /**
   * The folder made anew, as after a server migration or a restore: a new UIDVALIDITY, no
   * messages, UIDs counted again from 1.
   */
  recreate(folder?: string): void;
  close(): Promise<void>;
};

/** Listens on a free port of 127.0.0.1 and closes, with every connection, when told. */
async function listen(server: Server, start: (port: number, callback: () => void) => void) {
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => start(0, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A real IMAP server (hoodiecrow-imap, by imapflow's author) in this process, on a free port of
 * 127.0.0.1, without TLS, for one user; MOVE and UIDPLUS as most servers have them. Its folders
 * live in memory: a new server is a new, empty mailbox.
 */
export async function startImapTestServer(
  hoodiecrow: HoodiecrowFactory,
  options: { username?: string; password?: string } = {},
): Promise<ImapTestServer> {
  const username = options.username ?? "ap@harbor.test";
  const password = options.password ?? "s3cret-imap";
  const imap = hoodiecrow({
    plugins: ["ID", "ENABLE", "UNSELECT", "SPECIAL-USE", "MOVE", "UIDPLUS", "LITERALPLUS"],
    users: { [username]: { password } },
    storage: { INBOX: {}, "": { separator: "/", folders: {} } },
  });
  const { port, close } = await listen(imap.server, (at, callback) => imap.listen(at, "127.0.0.1", callback));
  const mailbox = (folder: string) => {
    const found = imap.getMailbox(folder);
    if (!found) throw new Error(`no folder ${folder}`);
    return found;
  };
  return {
    host: "127.0.0.1",
    port,
    username,
    password,
    deliver: (raw, folder = "INBOX") => imap.appendMessage(folder, [], undefined, raw.toString()).message.uid,
    createFolder: (path) => imap.createMailbox(path),
    messages: (folder = "INBOX") =>
      imap.getMailbox(folder)?.messages.map((message) => ({ uid: message.uid, flags: [...message.flags], raw: message.raw })),
    recreate(folder = "INBOX") {
      const box = mailbox(folder);
      box.messages = [];
      box.uidvalidity += 1;
      box.uidnext = 1;
    },
    close,
  };
}

/** A server that takes connections and never says a word: a host that hangs. */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer(() => undefined);
  return listen(server, (at, callback) => server.listen(at, "127.0.0.1", callback));
}
