/** Settings an error is told against. */
type Where = { host: string; port: number; username: string; tls: string };

type ImapError = Error & {
  code?: string;
  authenticationFailed?: boolean;
  responseText?: string;
  serverResponseCode?: string;
};

const TLS_CODE = /^(ERR_SSL_|ERR_TLS_|CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_|HOSTNAME_|ERR_SSL)/;

/** What went wrong with a mailbox, in words a person setting it up can act on. */
export function describeImapError(error: unknown, where: Where, timeouts: { connectMs: number; greetingMs: number }): string {
  const e = error as ImapError;
  const server = `${where.host}:${where.port}`;
  if (e.authenticationFailed) {
    return `${server} refused the sign-in of ${where.username}: ${e.responseText || e.message} (check the username and password)`;
  }
  switch (e.code) {
    case "ECONNREFUSED":
      return `Cannot connect to ${server}: connection refused (check the host and port)`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `The host ${where.host} was not found`;
    case "ETIMEDOUT":
    case "CONNECT_TIMEOUT":
      return `No connection to ${server} within ${timeouts.connectMs / 1000} s (host down, or a firewall in between)`;
    case "GREETING_TIMEOUT":
      return `${server} accepted the connection but sent no IMAP greeting within ${timeouts.greetingMs / 1000} s${
        where.tls === "tls" ? "" : " (does it expect TLS? try tls)"
      }`;
    case "ETIMEOUT":
      return `${server} stopped answering (socket timeout)`;
    case "ECONNRESET":
    case "EPIPE":
    case "NoConnection":
      return `${server} closed the connection: ${e.message}`;
    default:
      break;
  }
  if (e.code && TLS_CODE.test(e.code)) return `TLS with ${server} failed: ${e.message} (${e.code})`;
  return `${server}: ${e.responseText || e.message}`;
}
