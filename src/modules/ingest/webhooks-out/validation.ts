import type { z } from "zod";
import { AppError, type ErrorDetail } from "../../../platform/errors.ts";

/** A 422 naming every field at fault: "The webhook subscription is invalid (url: must be http:// or https://)". */
export function invalid(what: string, details: ErrorDetail[]): AppError {
  const first = details[0];
  const summary = first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "invalid";
  return new AppError("validation_failed", `The ${what} is invalid (${summary})`, { details });
}

/** Parses input from callers that did not go through the HTTP layer's own validation (the CLI, flows). */
export function parse<S extends z.ZodType>(what: string, schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalid(
    what,
    parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join(".") || undefined,
      message: issue.code === "unrecognized_keys" ? `unknown field(s): ${issue.keys.join(", ")}` : issue.message,
      code: issue.code,
    })),
  );
}
