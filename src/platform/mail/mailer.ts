import { createTransport } from "nodemailer";

export type MailMessage = {
  to: string;
  /** The sender's display name; the address is the configured one. */
  fromName: string;
  subject: string;
  text: string;
  html: string;
  /**
   * A stable Message-ID (`<…@…>`): the same one for every attempt at the same email, so a resend
   * after a crash is recognisably the same message to mail clients and to whoever counts them.
   */
  messageId?: string | undefined;
};

/** What became of one email. A failure is a value, not an exception: the caller keeps its work and says so. */
export type MailDelivery =
  | { status: "sent"; error: null }
  | { status: "failed"; error: string }
  | { status: "not_configured"; error: string };

export type Mailer = {
  /** Whether a mail server is configured at all. */
  configured: boolean;
  send(message: MailMessage): Promise<MailDelivery>;
  close(): void;
};

export type MailerConfig = {
  /** `smtp://[user:pass@]host[:port]` (STARTTLS when offered) or `smtps://…` (TLS from the start); unset: nothing is sent. */
  smtpUrl?: string | undefined;
  /** The address email comes from. */
  from: string;
};

const NOT_CONFIGURED = "No mail server is configured (CROSSDOCK_SMTP_URL is not set)";

/** Outgoing email through an SMTP server; a few seconds' patience, so a dead server does not hang a request. */
export function createMailer(config: MailerConfig): Mailer {
  if (!config.smtpUrl) {
    return {
      configured: false,
      send: async () => ({ status: "not_configured", error: NOT_CONFIGURED }),
      close: () => undefined,
    };
  }
  // Pooled: a connection (and its greeting, EHLO and TLS) serves many messages, so a burst of task
  // notifications costs milliseconds each rather than a fresh session each.
  const transport = createTransport({
    url: config.smtpUrl,
    pool: true,
    maxConnections: 4,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    configured: true,
    async send(message) {
      try {
        await transport.sendMail({
          from: { name: message.fromName, address: config.from },
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          ...(message.messageId ? { messageId: message.messageId } : {}),
        });
        return { status: "sent", error: null };
      } catch (error) {
        return { status: "failed", error: `The mail server refused or could not be reached: ${(error as Error).message}` };
      }
    },
    close: () => transport.close(),
  };
}
