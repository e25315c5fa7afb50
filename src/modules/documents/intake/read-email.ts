import { simpleParser } from "mailparser";

export type EmailAttachment = { name: string; bytes: Buffer };

export type EmailParts = {
  from: string | null;
  subject: string | null;
  messageId: string | null;
  /** Its files, in order; images embedded in the HTML (logos, signatures) are left out. */
  attachments: EmailAttachment[];
  /** The plain-text body (or the HTML's text), empty when there is none. */
  body: string;
};

/** A message's parts (RFC 5322 with MIME): who sent it, its attachments, and its text. */
export async function readEmail(bytes: Uint8Array): Promise<EmailParts> {
  const mail = await simpleParser(Buffer.from(bytes), { skipImageLinks: true, skipTextToHtml: true });
  const from = mail.from?.value[0]?.address ?? mail.from?.text ?? null;
  const attachments = mail.attachments
    .filter((attachment) => !attachment.related)
    .map((attachment, index) => ({
      name: attachment.filename ?? `attachment-${index + 1}.${extensionOf(attachment.contentType)}`,
      bytes: attachment.content,
    }));
  const body = (mail.text ?? "").trim();
  return { from, subject: mail.subject ?? null, messageId: mail.messageId ?? null, attachments, body };
}

const extensionOf = (contentType: string) =>
  ({ "application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg", "image/tiff": "tif", "message/rfc822": "eml" })[
    contentType.toLowerCase()
  ] ?? "bin";
