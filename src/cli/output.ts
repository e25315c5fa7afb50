import { ApiError } from "./client.ts";

/** Prints either JSON (for scripts) or aligned `key: value` lines (for people). */
export function print(value: unknown, asJson: boolean): void {
  if (asJson) {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) print(item, false);
    return;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    const width = Math.max(...entries.map(([key]) => key.length));
    for (const [key, field] of entries) {
      process.stdout.write(
        `${key.padEnd(width)}  ${typeof field === "object" && field !== null ? JSON.stringify(field) : String(field)}\n`,
      );
    }
    process.stdout.write("\n");
    return;
  }
  process.stdout.write(`${String(value)}\n`);
}

/** A failed command says what went wrong, field by field, and exits non-zero. */
export function reportError(error: unknown): never {
  if (error instanceof ApiError) {
    process.stderr.write(`error: ${error.message} (${error.code})\n`);
    for (const detail of error.details.slice(0, 50)) {
      const where = [detail.index !== undefined ? `row ${detail.index}` : "", detail.external_id ?? "", detail.path ?? ""]
        .filter(Boolean)
        .join(" ");
      process.stderr.write(`  ${where ? `${where}: ` : ""}${detail.message}\n`);
    }
  } else {
    process.stderr.write(`error: ${(error as Error).message ?? String(error)}\n`);
  }
  process.exit(1);
}
