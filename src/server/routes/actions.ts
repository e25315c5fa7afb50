import { z } from "@hono/zod-openapi";
import {
  Action,
  ActionListQuery,
  ActionOutcome,
  ActionPage,
  ActionRequest,
  type ActionRequestInput,
  CompensateInput,
  isActionError,
} from "../../modules/actions/index.ts";
import { type AppContext, principalOf, tenantOf, writeContextOf } from "../context.ts";
import { errorResponse, errorResponses } from "../error-response.ts";
import type { RouteDeps } from "./route-deps.ts";

/**
 * A write that failed in the target system is not an AppError: its code is the actions module's
 * own, and `retryable` says whether trying again may help. Answered with its own status (502 when
 * the target system failed, 422 when the connector or template cannot make the request).
 */
export async function answeringActionErrors(c: AppContext, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (!isActionError(error)) throw error;
    const requestId = c.get("requestId");
    c.get("logger")?.warn({ code: error.code, requestId, message: error.message, actionId: error.actionId }, "action failed");
    return c.json({ error: { ...error.toJSON().error, request_id: requestId } }, error.status as 502);
  }
}

const failedWrite = errorResponse(
  "The target system failed (`retryable` says whether trying again may help); the action is stored as failed",
);
const rolesOf = (c: AppContext) => principalOf(c).roles;

/** Governed writes: list and read them, try one out, make one as the caller, undo one. */
export function actionRoutes({ routes, actions }: RouteDeps) {
  routes(
    {
      method: "get",
      path: "/api/v1/actions",
      tags: ["actions"],
      summary: "Actions, newest first: filter by status, kind, run, cause or time",
      access: { scope: "actions:read" },
      request: { query: ActionListQuery },
      responses: {
        200: { description: "A page of actions", content: { "application/json": { schema: ActionPage } } },
        ...errorResponses,
      },
    },
    async (c) => c.json(await actions.list(tenantOf(c), c.req.valid("query" as never))),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/actions/{id}",
      tags: ["actions"],
      summary: "One action: its request, decision, approval, result and compensation",
      access: { scope: "actions:read" },
      request: { params: z.object({ id: z.string() }) },
      responses: {
        200: { description: "The action", content: { "application/json": { schema: Action } } },
        404: errorResponse("No such action in this tenant"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await actions.get(tenantOf(c), c.req.param("id") as string)),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/actions/dry-run",
      tags: ["actions"],
      summary: "What a write would do: the policy decision, and the request that would be sent where. Nothing is written",
      access: { scope: "actions:execute" },
      request: { body: { content: { "application/json": { schema: ActionRequest } }, required: true } },
      responses: {
        200: { description: "The decision and the rendered request", content: { "application/json": { schema: ActionOutcome } } },
        ...errorResponses,
      },
    },
    (c) =>
      answeringActionErrors(c, async () =>
        c.json(
          await actions.execute(writeContextOf(c), c.req.valid("json" as never) as ActionRequestInput, {
            dryRun: true,
            roles: rolesOf(c),
          }),
        ),
      ),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/actions",
      tags: ["actions"],
      summary: "Make a write as the caller, under policy: written, awaiting approval, or denied",
      description:
        "Idempotent by `idempotency_key`: a retry returns the same action and writes nothing again; the same key with another payload is a 409. A person is asked about by their roles; an API key is automation.",
      access: { scope: "actions:execute" },
      request: { body: { content: { "application/json": { schema: ActionRequest } }, required: true } },
      responses: {
        200: {
          description: "The action, in whatever status policy and the target left it",
          content: { "application/json": { schema: Action } },
        },
        409: errorResponse("The idempotency key was used for a different write, or the write is in progress"),
        502: failedWrite,
        ...errorResponses,
      },
    },
    (c) =>
      answeringActionErrors(c, async () => {
        const outcome = await actions.execute(writeContextOf(c), c.req.valid("json" as never) as ActionRequestInput, {
          roles: rolesOf(c),
        });
        return c.json(outcome.dry_run ? outcome : outcome.action);
      }),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/actions/{id}/compensate",
      tags: ["actions"],
      summary: "Undo a written action with the compensation registered when it was written",
      access: { scope: "actions:execute" },
      request: {
        params: z.object({ id: z.string() }),
        body: { content: { "application/json": { schema: CompensateInput } }, required: true },
      },
      responses: {
        200: { description: "The action, compensated", content: { "application/json": { schema: Action } } },
        404: errorResponse("No such action in this tenant"),
        409: errorResponse("The action was not written, or has nothing that undoes it"),
        502: errorResponse("Undoing it failed; the action is stored as compensation_failed, for a person to look at"),
        ...errorResponses,
      },
    },
    (c) =>
      answeringActionErrors(c, async () => {
        const { reason } = c.req.valid("json" as never) as CompensateInput;
        return c.json(await actions.compensate(writeContextOf(c), c.req.param("id") as string, reason));
      }),
  );
}
