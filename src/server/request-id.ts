import type { MiddlewareHandler } from "hono";
import { newId } from "../platform/ids.ts";
import type { Logger } from "../platform/logger.ts";
import type { AppEnv } from "./context.ts";

const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's request id when it sent a sane one, a new one otherwise. */
export function requestIdFor(incoming: string | undefined): string {
  return incoming && ACCEPTABLE.test(incoming) ? incoming : newId("req");
}

/** Every request gets an id (the caller's, if it sent a sane one), echoed back and logged. */
export function requestId(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = requestIdFor(c.req.header("x-request-id"));
    c.set("requestId", id);
    c.set("logger", logger.child({ requestId: id }));
    c.header("X-Request-Id", id);
    await next();
  };
}
