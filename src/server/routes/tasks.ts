import { z } from "@hono/zod-openapi";
import {
  BulkDecideInput,
  BulkDecideResult,
  CommentInput,
  CreateDelegationInput,
  DecideTaskInput,
  Delegation,
  NotificationSettings,
  NotificationSettingsInput,
  ReassignTaskInput,
  Task,
  type TaskActor,
  TaskEvent,
  TaskQuery,
  WorkQueue,
  WorkQueueInput,
} from "../../modules/workflows/index.ts";
import { type AppContext, principalOf, tenantOf, writeContextOf } from "../context.ts";
import { errorResponse, errorResponses } from "../error-response.ts";
import type { RouteDeps } from "./route-deps.ts";

/** The caller as the approval rules see them: a signed-in person with roles, or (for reads) anyone. */
function taskActor(c: AppContext): TaskActor {
  const principal = principalOf(c);
  const taskAdmin = principal.scopes.includes("tasks:admin");
  const person =
    principal.kind === "session" && principal.actor.type === "user"
      ? { userId: principal.actor.id, label: principal.actor.label ?? principal.actor.id, roles: [...(principal.roles ?? [])] }
      : null;
  return { tenantId: tenantOf(c), decider: person, taskAdmin, requestId: c.get("requestId") };
}

const id = z.object({ id: z.string() });
const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

/** The inbox: tasks and approvals, decisions on them, and who covers for whom. */
export function taskRoutes({ routes, workflows }: RouteDeps) {
  routes(
    {
      method: "get",
      path: "/api/v1/tasks",
      tags: ["tasks"],
      summary: "The caller's inbox (view=mine), or every task (view=all, tasks:admin)",
      access: { scope: "tasks:read" },
      request: { query: TaskQuery },
      responses: {
        200: {
          description: "A page of tasks",
          content: { "application/json": { schema: z.object({ data: z.array(Task), next_before: z.string().nullable() }) } },
        },
        ...errorResponses,
      },
    },
    async (c) => c.json(await workflows.tasks.list(taskActor(c), c.req.valid("query" as never) as TaskQuery)),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/tasks/{id}",
      tags: ["tasks"],
      summary: "A task with what is needed to decide it, and its history",
      access: { scope: "tasks:read" },
      request: { params: id },
      responses: {
        200: {
          description: "The task",
          content: { "application/json": { schema: z.object({ task: Task, events: z.array(TaskEvent) }) } },
        },
        404: errorResponse("No such task"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await workflows.tasks.get(tenantOf(c), c.req.param("id") as string)),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/tasks/{id}/decision",
      tags: ["tasks"],
      summary: "Decide a task: approve, reject or another of its options, with a comment and edits to the proposal",
      description:
        "Only people signed in decide. The rules: the task is open; the caller is among its assignees (or a delegate of one, or holds tasks:admin) and holds an allowed role; nobody decides their own request or approves twice; an approving option needs the required number of distinct approvers.",
      access: { scope: "tasks:decide" },
      request: { params: id, body: json(DecideTaskInput) },
      responses: {
        200: { description: "The task after the decision", content: { "application/json": { schema: Task } } },
        404: errorResponse("No such task"),
        409: errorResponse("Already decided, or already approved by the caller"),
        ...errorResponses,
      },
    },
    async (c) =>
      c.json(
        await workflows.tasks.decide(taskActor(c), c.req.param("id") as string, c.req.valid("json" as never) as DecideTaskInput),
      ),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/tasks/decisions",
      tags: ["tasks"],
      summary: "Decide several tasks with the same option; each is decided or refused on its own",
      access: { scope: "tasks:decide" },
      request: { body: json(BulkDecideInput) },
      responses: {
        200: { description: "Each task's outcome", content: { "application/json": { schema: BulkDecideResult } } },
        ...errorResponses,
      },
    },
    async (c) => c.json(await workflows.tasks.decideMany(taskActor(c), c.req.valid("json" as never) as BulkDecideInput)),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/tasks/{id}/reassign",
      tags: ["tasks"],
      summary: "Hand a task to a role, a user or a work queue",
      access: { scope: "tasks:decide" },
      request: { params: id, body: json(ReassignTaskInput) },
      responses: {
        200: { description: "The task", content: { "application/json": { schema: Task } } },
        404: errorResponse("No such task"),
        ...errorResponses,
      },
    },
    async (c) =>
      c.json(
        await workflows.tasks.reassign(
          taskActor(c),
          c.req.param("id") as string,
          c.req.valid("json" as never) as ReassignTaskInput,
        ),
      ),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/tasks/{id}/comments",
      tags: ["tasks"],
      summary: "Comment on a task",
      access: { scope: "tasks:read" },
      request: { params: id, body: json(CommentInput) },
      responses: {
        201: { description: "The comment", content: { "application/json": { schema: TaskEvent } } },
        404: errorResponse("No such task"),
        ...errorResponses,
      },
    },
    async (c) => {
      const { actor } = principalOf(c);
      const { comment } = c.req.valid("json" as never) as CommentInput;
      return c.json(
        await workflows.tasks.comment(
          tenantOf(c),
          { type: actor.type, id: actor.id, label: actor.label ?? null },
          c.req.param("id") as string,
          comment,
        ),
        201,
      );
    },
  );
  routes(
    {
      method: "get",
      path: "/api/v1/delegations",
      tags: ["tasks"],
      summary: "Delegations: the caller's own (given and received), or everyone's (all=true, tasks:admin)",
      access: { scope: "tasks:read" },
      request: { query: z.object({ all: z.enum(["true", "false"]).optional() }) },
      responses: {
        200: { description: "Delegations", content: { "application/json": { schema: z.object({ data: z.array(Delegation) }) } } },
        ...errorResponses,
      },
    },
    async (c) => {
      const actor = taskActor(c);
      const all = c.req.query("all") === "true" && actor.taskAdmin;
      return c.json({
        data: await workflows.delegations.list(actor.tenantId, { userId: all ? undefined : (actor.decider?.userId ?? "-") }),
      });
    },
  );
  routes(
    {
      method: "post",
      path: "/api/v1/delegations",
      tags: ["tasks"],
      summary: "Delegate tasks while away: to a colleague, for a period",
      access: { scope: "tasks:decide" },
      request: { body: json(CreateDelegationInput) },
      responses: { 201: { description: "Created", content: { "application/json": { schema: Delegation } } }, ...errorResponses },
    },
    async (c) => {
      const actor = taskActor(c);
      const ctx = { ...writeContextOf(c), userId: actor.decider?.userId ?? null, taskAdmin: actor.taskAdmin };
      return c.json(await workflows.delegations.create(ctx, c.req.valid("json" as never) as CreateDelegationInput), 201);
    },
  );
  routes(
    {
      method: "delete",
      path: "/api/v1/delegations/{id}",
      tags: ["tasks"],
      summary: "End a delegation now",
      access: { scope: "tasks:decide" },
      request: { params: id },
      responses: {
        200: { description: "Revoked", content: { "application/json": { schema: Delegation } } },
        404: errorResponse("No such delegation"),
        ...errorResponses,
      },
    },
    async (c) => {
      const actor = taskActor(c);
      const ctx = { ...writeContextOf(c), userId: actor.decider?.userId ?? null, taskAdmin: actor.taskAdmin };
      return c.json(await workflows.delegations.revoke(ctx, c.req.param("id") as string));
    },
  );
  routes(
    {
      method: "get",
      path: "/api/v1/work-queues",
      tags: ["tasks"],
      summary: "Work queues and who their tasks are for",
      access: { scope: "tasks:read" },
      responses: {
        200: { description: "Queues", content: { "application/json": { schema: z.object({ data: z.array(WorkQueue) }) } } },
        ...errorResponses,
      },
    },
    async (c) => c.json({ data: await workflows.queues.list(tenantOf(c)) }),
  );
  routes(
    {
      method: "put",
      path: "/api/v1/work-queues",
      tags: ["tasks"],
      summary: "Create or replace a work queue",
      access: { scope: "tasks:admin" },
      request: { body: json(WorkQueueInput) },
      responses: { 200: { description: "The queue", content: { "application/json": { schema: WorkQueue } } }, ...errorResponses },
    },
    async (c) => c.json(await workflows.queues.save(writeContextOf(c), c.req.valid("json" as never) as WorkQueueInput)),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/task-notifications",
      tags: ["tasks"],
      summary: "Where new and escalated tasks are announced: email, and a signed webhook",
      access: { scope: "tasks:admin" },
      responses: {
        200: { description: "Settings", content: { "application/json": { schema: NotificationSettings } } },
        ...errorResponses,
      },
    },
    async (c) => c.json(await workflows.notifications.get(tenantOf(c))),
  );
  routes(
    {
      method: "put",
      path: "/api/v1/task-notifications",
      tags: ["tasks"],
      summary: "Change where tasks are announced; the webhook secret is never returned",
      access: { scope: "tasks:admin" },
      request: { body: json(NotificationSettingsInput) },
      responses: {
        200: { description: "Settings", content: { "application/json": { schema: NotificationSettings } } },
        ...errorResponses,
      },
    },
    async (c) =>
      c.json(await workflows.notifications.save(writeContextOf(c), c.req.valid("json" as never) as NotificationSettingsInput)),
  );
}
