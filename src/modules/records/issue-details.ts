import type { z } from "zod";
import type { ErrorDetail } from "../../platform/errors.ts";

function pathOf(parts: readonly PropertyKey[]): string | undefined {
  return parts.length > 0 ? parts.map(String).join(".") : undefined;
}

/**
 * One zod issue as the details a caller sees: an unknown key names that key (one detail each),
 * a missing field says it is required, anything else keeps zod's message and code.
 */
export function issueDetails(issue: z.core.$ZodIssue, where: { index?: number; external_id?: string } = {}): ErrorDetail[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      ...where,
      path: pathOf([...issue.path, key]),
      message: "is not a field of this record type",
      code: "unknown_field",
    }));
  }
  const missing = issue.code === "invalid_type" && issue.input === undefined;
  const path = pathOf(issue.path);
  return [
    {
      ...where,
      ...(path !== undefined ? { path } : {}),
      message: missing ? "is required" : issue.message,
      code: missing ? "required" : issue.code,
    },
  ];
}
