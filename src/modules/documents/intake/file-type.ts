import { sniffType } from "../text/read-text.ts";

/** What a file is, by its bytes (a name or a declared type may lie): a PDF, an image, an email, plain text. */
export type FileType = "pdf" | "png" | "jpeg" | "tiff" | "email" | "edi" | "text" | "unknown";

/** Header fields a message starts with; an email has a From and at least one of the others. */
const MESSAGE_HEADER =
  /^(?:received|return-path|delivered-to|from|to|subject|date|message-id|mime-version|content-type|x-[\w-]+):/im;

/** Bytes that decode as UTF-8 with no control characters but tab, CR, LF and form feed. */
function isText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(sample.length < bytes.length ? sample.subarray(0, -4) : sample);
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) return false;
    }
    return true;
  } catch {
    return false;
  }
}

export function fileTypeOf(bytes: Uint8Array, name: string): FileType {
  const sniffed = sniffType(bytes);
  if (sniffed) return sniffed;
  if (!isText(bytes)) return "unknown";
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("utf8");
  // An EDI interchange (X12's ISA, EDIFACT's UNA or UNB) is not a document to read: the EDI intake takes it.
  if (/^\uFEFF?\s*(ISA[^A-Za-z0-9\s]|UNA[^A-Za-z0-9\s]|UNB\+)/.test(head)) return "edi";
  const headers = head.split(/\r?\n\r?\n/)[0] ?? "";
  if (
    /^from:/im.test(headers) &&
    MESSAGE_HEADER.test(headers.split(/\r?\n/)[0] ?? "") &&
    /^(?:subject|date|mime-version):/im.test(headers)
  )
    return "email";
  if (/\.eml$/i.test(name)) return "email";
  // A text file named as a PDF or an image is not one: it is refused as what it claims to be.
  if (/\.(pdf|png|jpe?g|tiff?)$/i.test(name)) return "unknown";
  return "text";
}
