import { z } from "@hono/zod-openapi";
import type { ZodError } from "zod";
import { AppError, type ErrorDetail } from "../platform/errors.ts";

/** The body of every error the API returns. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().describe("stable, machine-readable"),
      message: z.string(),
      request_id: z.string().optional(),
      details: z
        .array(
          z.object({
            path: z.string().optional(),
            index: z.number().int().optional(),
            external_id: z.string().optional(),
            message: z.string(),
            code: z.string().optional(),
          }),
        )
        .optional(),
    }),
  })
  .openapi("Error");

/** One detail per problem; an unknown field is named by its path, one detail each. */
export function zodDetails(error: ZodError, prefix: (string | number)[] = []): ErrorDetail[] {
  return error.issues.flatMap((issue): ErrorDetail[] => {
    const at = [...prefix, ...issue.path].map(String);
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

export function validationError(where: string, error: ZodError): AppError {
  const details = zodDetails(error);
  const first = details[0];
  const summary = first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "invalid";
  return new AppError("validation_failed", `The ${where} is invalid (${summary})`, { details });
}

export const errorResponses = {
  400: { description: "Malformed request", content: { "application/json": { schema: ErrorResponse } } },
  401: {
    description: "Not authenticated, or the key is expired or revoked",
    content: { "application/json": { schema: ErrorResponse } },
  },
  403: { description: "Missing scope", content: { "application/json": { schema: ErrorResponse } } },
  422: { description: "Invalid input; details name each field", content: { "application/json": { schema: ErrorResponse } } },
} as const;

/** An error response with its own description, for statuses beyond the common ones (404, 409). */
export const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorResponse } },
});
