import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One email as the test SMTP server received it, decoded enough to assert on. */
export type ReceivedMail = {
  envelope: { from: string; to: string[] };
  /** Header values, lower-case names, unfolded and with encoded words decoded. */
  headers: Record<string, string>;
  subject: string;
  from: string;
  text: string;
  html: string;
  raw: string;
};

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, text: string) =>
    encoding.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
  try {
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, "%25"));
  } catch {
    return bytes;
  }
}

function splitPart(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.indexOf("\r\n\r\n");
  const head = at === -1 ? raw : raw.slice(0, at);
  const body = at === -1 ? "" : raw.slice(at + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(headers: Record<string, string>, body: string): string {
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  return body;
}

/** The text/plain and text/html of a message, through any multipart nesting. */
function bodies(headers: Record<string, string>, body: string, found: { text: string; html: string }): void {
  const type = headers["content-type"] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith("multipart/") && boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith("--")) break;
      const part = splitPart(chunk.replace(/^\r\n/, ""));
      bodies(part.headers, part.body, found);
    }
  } else if (type.toLowerCase().startsWith("text/html")) {
    found.html += decodeBody(headers, body);
  } else if (type.toLowerCase().startsWith("text/plain")) {
    found.text += decodeBody(headers, body);
  }
}

export function parseMail(raw: string, envelope: ReceivedMail["envelope"]): ReceivedMail {
  const { headers, body } = splitPart(raw);
  const found = { text: "", html: "" };
  bodies(headers, body, found);
  return { envelope, headers, subject: headers.subject ?? "", from: headers.from ?? "", ...found, raw };
}

/**
 * A real SMTP server on a free local port that keeps what it receives, for tests of outgoing
 * email. No TLS and no authentication required; `refuse` makes it answer every message with a 550.
 */
export async function startSmtpTestServer() {
  const received: ReceivedMail[] = [];
  // A sender that dies mid-session (a crash test kills it) resets its socket: that is the sender's
  // failure to deliver, not the server's, so the server notes it and carries on.
  const connectionErrors: Error[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("error", (error) => connectionErrors.push(error));
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (state.refuse) return callback(Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }));
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        };
        received.push(parseMail(Buffer.concat(chunks).toString("utf8"), envelope));
        callback();
      });
    },
  });
  server.on("error", (error) => connectionErrors.push(error));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    connectionErrors,
    refuse(value: boolean) {
      state.refuse = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpTestServer = Awaited<ReturnType<typeof startSmtpTestServer>>;
