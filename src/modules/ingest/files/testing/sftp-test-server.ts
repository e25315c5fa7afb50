import { createHash, timingSafeEqual } from "node:crypto";
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmdirSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import ssh2, { type Attributes, type Connection, type SFTPWrapper } from "ssh2";

const { Server, utils } = ssh2;
const { STATUS_CODE, flagsToString } = utils.sftp;

export type SftpTestServer = {
  host: string;
  port: number;
  username: string;
  password: string;
  /** The OpenSSH private key the test user may also sign in with. */
  privateKey: string;
  /** The server's host key fingerprint, as ssh-keygen prints it. */
  fingerprint: string;
  close(): Promise<void>;
};

const toAttributes = (info: Stats): Attributes => ({
  mode: info.mode,
  uid: info.uid,
  gid: info.gid,
  size: info.size,
  atime: Math.floor(info.atimeMs / 1000),
  mtime: Math.floor(info.mtimeMs / 1000),
});

const statusOf = (error: unknown) =>
  (error as NodeJS.ErrnoException).code === "ENOENT" ? STATUS_CODE.NO_SUCH_FILE : STATUS_CODE.FAILURE;

/** Serves one SFTP session over `root`, as OpenSSH's sftp-server would: paths are relative to it, `..` goes no higher. */
function serveSftp(sftp: SFTPWrapper, root: string): void {
  const local = (remote: string) => path.join(root, path.posix.normalize(`/${remote}`));
  const handles = new Map<number, { fd?: number; dir?: string; listed?: boolean }>();
  let nextHandle = 1;
  const handleOf = (buffer: Buffer) => handles.get(buffer.readUInt32BE(0));
  const newHandle = (entry: { fd?: number; dir?: string }) => {
    const id = nextHandle++;
    handles.set(id, entry);
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32BE(id, 0);
    return buffer;
  };
  const guard = (reqid: number, work: () => void) => {
    try {
      work();
    } catch (error) {
      sftp.status(reqid, statusOf(error));
    }
  };
  sftp.on("OPEN", (reqid, filename, flags) =>
    guard(reqid, () => {
      const mode = flagsToString(flags) ?? "r";
      sftp.handle(reqid, newHandle({ fd: openSync(local(filename), mode) }));
    }),
  );
  sftp.on("READ", (reqid, handle, offset, length) =>
    guard(reqid, () => {
      const entry = handleOf(handle);
      if (entry?.fd === undefined) return sftp.status(reqid, STATUS_CODE.FAILURE);
      const buffer = Buffer.alloc(length);
      const read = readSync(entry.fd, buffer, 0, length, offset);
      if (read === 0) return sftp.status(reqid, STATUS_CODE.EOF);
      sftp.data(reqid, buffer.subarray(0, read));
    }),
  );
  sftp.on("WRITE", (reqid, handle, offset, data) =>
    guard(reqid, () => {
      const entry = handleOf(handle);
      if (entry?.fd === undefined) return sftp.status(reqid, STATUS_CODE.FAILURE);
      writeSync(entry.fd, data, 0, data.length, offset);
      sftp.status(reqid, STATUS_CODE.OK);
    }),
  );
  sftp.on("FSTAT", (reqid, handle) =>
    guard(reqid, () => {
      const entry = handleOf(handle);
      if (entry?.fd === undefined) return sftp.status(reqid, STATUS_CODE.FAILURE);
      sftp.attrs(reqid, toAttributes(fstatSync(entry.fd)));
    }),
  );
  sftp.on("CLOSE", (reqid, handle) =>
    guard(reqid, () => {
      const id = handle.readUInt32BE(0);
      const entry = handles.get(id);
      if (entry?.fd !== undefined) closeSync(entry.fd);
      handles.delete(id);
      sftp.status(reqid, STATUS_CODE.OK);
    }),
  );
  sftp.on("OPENDIR", (reqid, dir) =>
    guard(reqid, () => {
      if (!statSync(local(dir)).isDirectory()) return sftp.status(reqid, STATUS_CODE.FAILURE);
      sftp.handle(reqid, newHandle({ dir: local(dir) }));
    }),
  );
  sftp.on("READDIR", (reqid, handle) =>
    guard(reqid, () => {
      const entry = handleOf(handle);
      if (!entry?.dir) return sftp.status(reqid, STATUS_CODE.FAILURE);
      if (entry.listed) return sftp.status(reqid, STATUS_CODE.EOF);
      entry.listed = true;
      const names = readdirSync(entry.dir).map((filename) => {
        const attrs = toAttributes(statSync(path.join(entry.dir as string, filename)));
        return { filename, longname: filename, attrs };
      });
      sftp.name(reqid, names);
    }),
  );
  for (const event of ["STAT", "LSTAT"] as const) {
    sftp.on(event, (reqid: number, remote: string) =>
      guard(reqid, () => sftp.attrs(reqid, toAttributes(statSync(local(remote))))),
    );
  }
  sftp.on("REALPATH", (reqid, remote) =>
    guard(reqid, () =>
      sftp.name(reqid, [{ filename: path.posix.normalize(`/${remote}`), longname: "", attrs: {} as Attributes }]),
    ),
  );
  sftp.on("RENAME", (reqid, from, to) =>
    guard(reqid, () => {
      // SFTP version 3: a rename onto an existing file fails.
      try {
        statSync(local(to));
        return sftp.status(reqid, STATUS_CODE.FAILURE);
      } catch {
        renameSync(local(from), local(to));
        sftp.status(reqid, STATUS_CODE.OK);
      }
    }),
  );
  sftp.on("REMOVE", (reqid, remote) =>
    guard(reqid, () => {
      unlinkSync(local(remote));
      sftp.status(reqid, STATUS_CODE.OK);
    }),
  );
  sftp.on("MKDIR", (reqid, remote) =>
    guard(reqid, () => {
      mkdirSync(local(remote));
      sftp.status(reqid, STATUS_CODE.OK);
    }),
  );
  sftp.on("RMDIR", (reqid, remote) =>
    guard(reqid, () => {
      rmdirSync(local(remote));
      sftp.status(reqid, STATUS_CODE.OK);
    }),
  );
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * A real SFTP server (ssh2's Server) on 127.0.0.1, serving the folder `root` to one user who signs
 * in with a password or a key: what a distributor's SFTP drop looks like to the importer.
 */
export async function startSftpTestServer(root: string): Promise<SftpTestServer> {
  const hostKey = utils.generateKeyPairSync("ed25519");
  const userKey = utils.generateKeyPairSync("ed25519");
  const allowed = utils.parseKey(userKey.public);
  if (allowed instanceof Error) throw allowed;
  const username = "erp-export";
  const password = "drop-it-here";
  const connections = new Set<Connection>();
  const server = new Server({ hostKeys: [hostKey.private] }, (client) => {
    connections.add(client);
    client.on("close", () => connections.delete(client));
    client.on("error", () => undefined);
    client.on("authentication", (context) => {
      if (context.username !== username) return context.reject();
      if (context.method === "password" && same(context.password, password)) return context.accept();
      if (
        context.method === "publickey" &&
        context.key.algo === allowed.type &&
        context.key.data.equals(allowed.getPublicSSH())
      ) {
        if (!context.signature) return context.accept();
        if (allowed.verify(context.blob as Buffer, context.signature, context.hashAlgo) === true) return context.accept();
      }
      context.reject(["password", "publickey"]);
    });
    client.on("ready", () => {
      client.on("session", (accept) => {
        const session = accept();
        session.on("sftp", (acceptSftp) => serveSftp(acceptSftp(), root));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const parsedHost = utils.parseKey(hostKey.public);
  if (parsedHost instanceof Error) throw parsedHost;
  const fingerprint = `SHA256:${createHash("sha256").update(parsedHost.getPublicSSH()).digest("base64").replace(/=+$/, "")}`;
  return {
    host: "127.0.0.1",
    port: (server.address() as AddressInfo).port,
    username,
    password,
    privateKey: userKey.private,
    fingerprint,
    async close() {
      for (const connection of connections) connection.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
