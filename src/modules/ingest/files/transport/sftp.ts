import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Client, type SFTPWrapper } from "ssh2";
import { type DroppedFile, type DropTransport, stageStream, withSuffix } from "./transport.ts";

export type SftpOptions = {
  host: string;
  port: number;
  username: string;
  password?: string | undefined;
  privateKey?: string | undefined;
  passphrase?: string | undefined;
  /** `SHA256:…` as ssh-keygen prints it: the server must present this key. */
  hostFingerprint?: string | null | undefined;
  /** The remote directory files are dropped in. */
  folder: string;
  /** Where downloaded files are kept while they are imported. */
  stagingDir: string;
  timeoutMs?: number;
};

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

/** An SFTP status of "no such file" (SSH_FX_NO_SUCH_FILE). */
const isMissing = (error: unknown) => (error as { code?: number }).code === 2;

/** The SHA-256 fingerprint of a host key as ssh-keygen prints it. */
export function hostKeyFingerprint(key: Buffer): string {
  return `SHA256:${createHash("sha256").update(key).digest("base64").replace(/=+$/, "")}`;
}

function call<T = void>(run: (done: (error: Error | null | undefined, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value as T))));
}

/** Opens an SFTP session (ssh2); the transport it gives holds the connection until closed. */
export async function sftpTransport(options: SftpOptions): Promise<DropTransport> {
  const client = new Client();
  const expected = options.hostFingerprint?.replace(/=+$/, "");
  let presented: string | undefined;
  const sftp = await new Promise<SFTPWrapper>((resolve, reject) => {
    client.once("error", (error) => {
      reject(
        presented && expected && presented !== expected
          ? new Error(`the SFTP server's host key is ${presented}, not the ${expected} the drop expects`)
          : error,
      );
    });
    client.once("ready", () => client.sftp((error, session) => (error ? reject(error) : resolve(session))));
    client.connect({
      host: options.host,
      port: options.port,
      username: options.username,
      ...(options.password ? { password: options.password } : {}),
      ...(options.privateKey ? { privateKey: options.privateKey } : {}),
      ...(options.passphrase ? { passphrase: options.passphrase } : {}),
      readyTimeout: options.timeoutMs ?? 20_000,
      hostVerifier: (key: Buffer) => {
        presented = hostKeyFingerprint(key);
        return !expected || presented === expected;
      },
    });
  });
  // Errors after the session opened fail the call under way; this keeps them from going unhandled.
  client.on("error", () => undefined);
  const at = (relative: string) => path.posix.join(options.folder, relative);
  const exists = (remote: string) => new Promise<boolean>((resolve) => sftp.stat(remote, (error) => resolve(!error)));
  const mkdirs = async (dir: string) => {
    if (await exists(at(dir))) return;
    try {
      await call((done) => sftp.mkdir(at(dir), done));
    } catch (error) {
      // Made meanwhile by another process: fine.
      if (!(await exists(at(dir)))) throw error;
    }
  };
  const rename = (from: string, to: string) => call((done) => sftp.rename(at(from), at(to), done));
  return {
    async list(): Promise<DroppedFile[]> {
      const entries = await call<{ filename: string; attrs: { mode: number; size: number; mtime: number } }[]>((done) =>
        sftp.readdir(options.folder, done),
      );
      return entries
        .filter((entry) => (entry.attrs.mode & S_IFMT) === S_IFREG)
        .map((entry) => ({ name: entry.filename, size: entry.attrs.size, mtimeMs: entry.attrs.mtime * 1000 }));
    },
    async stage(file) {
      return stageStream(options.stagingDir, sftp.createReadStream(at(file.name)), "sftp");
    },
    async target(dir, name, suffix) {
      await mkdirs(dir);
      return (await exists(at(path.posix.join(dir, name))))
        ? path.posix.join(dir, withSuffix(name, suffix))
        : path.posix.join(dir, name);
    },
    async settle(name, target, report) {
      await mkdirs(path.posix.dirname(target));
      const reportFile = `${target}.report.json`;
      const writer = sftp.createWriteStream(at(`${reportFile}.part`));
      await new Promise<void>((resolve, reject) => {
        writer.on("error", reject);
        writer.on("close", () => resolve());
        writer.end(report);
      });
      if (await exists(at(reportFile))) await call((done) => sftp.unlink(at(reportFile), done));
      await rename(`${reportFile}.part`, reportFile);
      try {
        await rename(name, target);
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },
    async restore(from, name) {
      const to = (await exists(at(name))) ? withSuffix(name, `rerun-${Date.now()}`) : name;
      await rename(from, to);
      return to;
    },
    async put(localPath, name) {
      const to = (await exists(at(name))) ? withSuffix(name, `upload-${Date.now()}`) : name;
      const part = `.${to}.part`;
      await pipeline(createReadStream(localPath), sftp.createWriteStream(at(part)));
      await rename(part, to);
      return to;
    },
    async close() {
      sftp.end();
      client.end();
    },
  };
}
