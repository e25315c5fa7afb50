/**
 * EDI input as one string with one character per byte (latin1), so that a character index is a
 * byte offset and a multibyte separator (U+2026 "…" is three bytes in UTF-8) is simply a
 * three-character separator. Element values that hold bytes above 0x7F are decoded afterwards:
 * as UTF-8 where they are valid UTF-8, as ISO-8859-1 otherwise.
 */
export type EdiInput = string | Uint8Array;

export type EdiText = {
  /** The input after any byte-order mark, one character per byte. */
  text: string;
  /** Bytes dropped before `text` (a byte-order mark), to add to offsets. */
  base: number;
  /** Whether any byte is above 0x7F; when not, no element needs decoding. */
  highBytes: boolean;
  /** The input was UTF-16 and was converted to UTF-8 first (offsets then count UTF-8 bytes). */
  convertedFrom: "utf-16le" | "utf-16be" | null;
};

const HIGH_BYTE = /[\x80-\xff]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the class is "not ASCII", bounded by NUL
const NON_ASCII = /[^\x00-\x7f]/;

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function utf16Of(bytes: Buffer): "utf-16le" | "utf-16be" | null {
  if (bytes.length < 2) return null;
  const [first, second] = [bytes[0], bytes[1]];
  if (first === 0xff && second === 0xfe) return "utf-16le";
  if (first === 0xfe && second === 0xff) return "utf-16be";
  // "IS" or "UN" in UTF-16 without a byte-order mark.
  if (bytes.length >= 4 && second === 0 && bytes[3] === 0 && first !== 0) return "utf-16le";
  if (bytes.length >= 4 && first === 0 && bytes[2] === 0 && second !== 0) return "utf-16be";
  return null;
}

function fromBytes(bytes: Buffer, convertedFrom: EdiText["convertedFrom"]): EdiText {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = bytes.toString("latin1", bom);
  return { text, base: bom, highBytes: HIGH_BYTE.test(text), convertedFrom };
}

export function ediText(input: EdiInput): EdiText {
  if (typeof input === "string") {
    const body = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    // Plain ASCII text is already one character per byte.
    if (!NON_ASCII.test(body)) return { text: body, base: 0, highBytes: false, convertedFrom: null };
    return fromBytes(Buffer.from(body, "utf8"), null);
  }
  const bytes = asBuffer(input);
  const utf16 = utf16Of(bytes);
  if (utf16) {
    const decoded = new TextDecoder(utf16).decode(bytes);
    return fromBytes(Buffer.from(decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded, "utf8"), utf16);
  }
  return fromBytes(bytes, null);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** An element read from latin1 text: its bytes as UTF-8 when they are valid UTF-8, else as ISO-8859-1. */
export function decodeValue(value: string): string {
  if (!HIGH_BYTE.test(value)) return value;
  try {
    return strictUtf8.decode(Buffer.from(value, "latin1"));
  } catch {
    return value;
  }
}

/** The length in characters (bytes) of the UTF-8 sequence starting at `index`, or 1 when it is not one. */
export function sequenceLength(text: string, index: number): number {
  const lead = text.charCodeAt(index);
  const length = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 1;
  if (length === 1 || lead > 0xf4) return 1;
  for (let next = 1; next < length; next++) {
    const code = text.charCodeAt(index + next);
    if (!(code >= 0x80 && code <= 0xbf)) return 1;
  }
  return length;
}
