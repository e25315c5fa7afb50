import type { ZodError } from "zod";
import { AppError, type ErrorDetail } from "../../platform/errors.ts";

/** One detail per problem, each naming its field's dotted path (an unknown field by its own name). */
export function zodDetails(error: ZodError, prefix: string[] = []): ErrorDetail[] {
  return error.issues.flatMap((issue): ErrorDetail[] => {
    const at = [...prefix, ...issue.path.map(String)];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: [...at, key].join("."),
        message: `unknown field "${key}"`,
        code: "unknown_field",
      }));
    }
    return [{ path: at.join(".") || undefined, message: issue.message, code: issue.code }];
  });
}

/** A 422 that names every field at fault: "The action request is invalid (kind: Invalid option…)". */
export function invalidInput(what: string, error: ZodError, prefix: string[] = []): AppError {
  const details = zodDetails(error, prefix);
  const first = details[0];
  const summary = first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "invalid";
  return new AppError("validation_failed", `The ${what} is invalid (${summary})`, { details });
}
