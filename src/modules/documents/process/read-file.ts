import { classifyDocument } from "../classify/classify-document.ts";
import { type ReadDocument, readDocument } from "../extract/read-document.ts";
import { fileTypeOf } from "../intake/file-type.ts";
import { plainTextDocument } from "../intake/plain-text.ts";
import { readEmail } from "../intake/read-email.ts";
import type { IncomingFile } from "../store/file-store.ts";
import type { DocumentText, PageText } from "../text/page-text.ts";
import type { TextReader } from "../text/read-text.ts";
import { TextReadError } from "../text/text-read-error.ts";
import type { RecordMatches } from "../validate/tolerances.ts";
import { splitDocuments } from "./split-documents.ts";

/** More attachments than this and an email is quarantined whole for a person to look at (a mail loop, a bulk export). */
export const MAX_ATTACHMENTS = 100;

/** What reading a file came to: documents on its pages, an email's parts to read in turn, or a reason it cannot be read. */
export type FileOutcome =
  | {
      outcome: "documents";
      pages: PageText[];
      documents: { first: number; last: number; read: ReadDocument; matches?: RecordMatches | undefined }[];
    }
  | { outcome: "email"; children: Omit<IncomingFile, "channel">[] }
  | { outcome: "quarantine"; reason: string; detail: string }
  | { outcome: "edi" }
  | { outcome: "handed_over"; reference: string };

const quarantine = (reason: string, detail: string): FileOutcome => ({ outcome: "quarantine", reason, detail });

function documentsOf(text: DocumentText): FileOutcome {
  const documents = splitDocuments(text.pages).map((pages) => ({
    first: pages[0]?.page ?? 1,
    last: pages[pages.length - 1]?.page ?? 1,
    read: readDocument({ kind: text.kind, pages }),
  }));
  return { outcome: "documents", pages: text.pages, documents };
}

async function readMessage(bytes: Uint8Array): Promise<FileOutcome> {
  let email: Awaited<ReturnType<typeof readEmail>>;
  try {
    email = await readEmail(bytes);
  } catch (error) {
    return quarantine("corrupt", `The email could not be read: ${(error as Error).message}`);
  }
  if (email.attachments.length > MAX_ATTACHMENTS) {
    return quarantine(
      "too_many_attachments",
      `The email has ${email.attachments.length} attachments; at most ${MAX_ATTACHMENTS} are taken from one email`,
    );
  }
  const children: Omit<IncomingFile, "channel">[] = email.attachments.map((attachment) => ({
    name: attachment.name,
    type: fileTypeOf(attachment.bytes, attachment.name),
    bytes: attachment.bytes,
    sender: email.from,
  }));
  // The body counts when it is a document itself (a PO typed into the email) or is all there is.
  const body = email.body;
  if (body !== "" && (children.length === 0 || classifyDocument(plainTextDocument(body)).kind !== "other")) {
    children.push({ name: "body.txt", type: "text", bytes: Buffer.from(body, "utf8"), sender: email.from });
  }
  if (children.length === 0) return quarantine("empty", "The email has no attachments and no text");
  return { outcome: "email", children };
}

/**
 * Reads a file by what its bytes are: a PDF or an image for its text (then split into the
 * documents it holds, each read whole), an email for its attachments and body (each a file of its
 * own, read next), plain text as pages. A file that cannot be read says why.
 */
export async function readFile(file: { name: string; bytes: Uint8Array }, reader: TextReader): Promise<FileOutcome> {
  if (file.bytes.length === 0) return quarantine("empty", "The file is empty");
  const type = fileTypeOf(file.bytes, file.name);
  if (type === "email") return readMessage(file.bytes);
  if (type === "edi") return { outcome: "edi" };
  if (type === "text") return documentsOf(plainTextDocument(Buffer.from(file.bytes).toString("utf8")));
  if (type === "unknown") {
    return quarantine("unsupported_type", "The file is neither a PDF, an image (PNG, JPEG, TIFF), an email nor plain text");
  }
  try {
    return documentsOf(await reader.read(file.bytes));
  } catch (error) {
    if (error instanceof TextReadError) return quarantine(error.reason, error.message);
    throw error;
  }
}
