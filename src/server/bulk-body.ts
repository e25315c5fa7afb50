import { AppError } from "../platform/errors.ts";

export const MAX_BATCH = 10_000;

/**
 * Reads a batch of records: a JSON array (`application/json`), or one JSON object per line
 * (`application/x-ndjson`, `application/jsonl`). Malformed input is refused with where it broke.
 */
export function parseBulkBody(contentType: string | undefined, text: string): unknown[] {
  const type = (contentType ?? "application/json").split(";")[0]?.trim().toLowerCase();
  let rows: unknown[];
  if (type === "application/x-ndjson" || type === "application/jsonl" || type === "application/x-jsonlines") {
    rows = [];
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]?.trim();
      if (!line) continue;
      try {
        rows.push(JSON.parse(line));
      } catch (error) {
        throw new AppError("invalid_json", `Line ${i + 1} is not valid JSON: ${(error as Error).message}`, {
          details: [{ index: rows.length, message: (error as Error).message }],
        });
      }
    }
  } else if (type === "application/json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new AppError("invalid_json", `The body is not valid JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(parsed)) throw new AppError("bad_request", "The body must be a JSON array of records");
    rows = parsed;
  } else {
    throw new AppError(
      "unsupported_media_type",
      `Content-Type ${type} is not accepted; send application/json (an array) or application/x-ndjson`,
    );
  }
  if (rows.length === 0) throw new AppError("bad_request", "The batch is empty");
  if (rows.length > MAX_BATCH)
    throw new AppError("payload_too_large", `A batch holds at most ${MAX_BATCH} records; this one has ${rows.length}`);
  return rows;
}
