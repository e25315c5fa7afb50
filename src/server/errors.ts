import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError } from "../platform/errors.ts";
import type { AppEnv } from "./context.ts";

/** The one place errors become HTTP: AppErrors keep their code; anything else is a 500. */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  const requestId = c.get("requestId");
  const logger = c.get("logger");
  let appError: AppError;
  if (error instanceof AppError) {
    appError = error;
  } else if (error instanceof HTTPException && error.status < 500) {
    const malformedJson = /malformed json/i.test(error.message);
    appError = new AppError(
      malformedJson ? "invalid_json" : error.status === 413 ? "payload_too_large" : "bad_request",
      error.message || "Bad request",
    );
  } else {
    appError = new AppError("internal", `Something went wrong on our side; quote request ${requestId} when reporting it`, {
      cause: error,
    });
  }
  if (appError.status >= 500) logger?.error({ err: error, requestId }, appError.message);
  else logger?.warn({ code: appError.code, requestId, message: appError.message }, "request refused");
  const body = appError.toJSON();
  return c.json({ error: { ...body.error, request_id: requestId } }, appError.status as 400);
};
