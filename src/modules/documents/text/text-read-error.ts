/** Why a file's text could not be read; the caller keeps the file and says so (review or quarantine). */
export type TextReadReason = "empty" | "unsupported_type" | "encrypted" | "corrupt" | "too_many_pages" | "ocr_failed";

export class TextReadError extends Error {
  constructor(
    readonly reason: TextReadReason,
    message: string,
  ) {
    super(message);
    this.name = "TextReadError";
  }
}
