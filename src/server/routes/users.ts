import { z } from "@hono/zod-openapi";
import { listRoles } from "../../modules/governance/index.ts";
import {
  CreateUserInput,
  Invitation,
  InviteUserInput,
  PeoplePage,
  PeopleQuery,
  RoleInfo,
  UpdateUserInput,
  User,
} from "../../modules/tenancy/index.ts";
import type { Config } from "../../platform/config.ts";
import { type AppContext, principalOf, tenantOf, writeContextOf } from "../context.ts";
import { errorResponse, errorResponses } from "../error-response.ts";
import type { RouteDeps } from "./route-deps.ts";

/** Links in emails point at the public URL when one is configured, else at the origin the request came to. */
const linkBase = (c: AppContext, config: Config) => ({ baseUrl: config.publicUrl ?? new URL(c.req.url).origin });

export function userRoutes({ routes, tenancy, config }: RouteDeps) {
  routes(
    {
      method: "post",
      path: "/api/v1/users",
      tags: ["users"],
      summary: "Create a console user with a password",
      description: "The caller must hold every scope the roles grant.",
      access: { scope: "users:admin" },
      request: { body: { content: { "application/json": { schema: CreateUserInput } }, required: true } },
      responses: { 201: { description: "Created", content: { "application/json": { schema: User } } }, ...errorResponses },
    },
    async (c) =>
      c.json(await tenancy.createUser(writeContextOf(c), principalOf(c), c.req.valid("json" as never) as CreateUserInput), 201),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/users",
      tags: ["users"],
      summary: "List users",
      access: { scope: "users:read" },
      responses: {
        200: { description: "Users", content: { "application/json": { schema: z.object({ data: z.array(User) }) } } },
        ...errorResponses,
      },
    },
    async (c) => c.json({ data: await tenancy.listUsers(tenantOf(c)) }),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/people",
      tags: ["users"],
      summary: "The people directory: the tenant's active users by name, to pick who a task or a delegation goes to",
      description:
        "Only each person's id, name, email and roles: for those who work tasks and cannot list users. Sorted by name, a page at a time (`next_cursor`, passed back as `cursor`); `q` matches the start of a word of the name or of the email, ignoring case; `id` looks up given people, e.g. to name them.",
      access: { scope: "tasks:read" },
      request: { query: PeopleQuery },
      responses: {
        200: { description: "People", content: { "application/json": { schema: PeoplePage } } },
        ...errorResponses,
      },
    },
    async (c) => c.json(await tenancy.listPeople(tenantOf(c), c.req.valid("query" as never) as PeopleQuery)),
  );
  routes(
    {
      method: "patch",
      path: "/api/v1/users/{id}",
      tags: ["users"],
      summary: "Rename a user, change their roles, or disable or enable them",
      description:
        "Changing roles or status needs every scope the user holds, and new roles every scope they grant. Disabling a user ends their sessions at once. Nobody can disable themself or remove their own `users:admin`.",
      access: { scope: "users:admin" },
      request: {
        params: z.object({ id: z.string() }),
        body: { content: { "application/json": { schema: UpdateUserInput } }, required: true },
      },
      responses: {
        200: { description: "The user after the change", content: { "application/json": { schema: User } } },
        404: errorResponse("No such user in this tenant"),
        409: errorResponse("The change would lock the caller out"),
        ...errorResponses,
      },
    },
    async (c) =>
      c.json(
        await tenancy.updateUser(
          writeContextOf(c),
          principalOf(c),
          c.req.param("id") as string,
          c.req.valid("json" as never) as UpdateUserInput,
        ),
      ),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/users/invitations",
      tags: ["users"],
      summary: "Invite someone: a user without a password, emailed a one-time link (72 hours) to choose one",
      description:
        "The email is in the tenant's branding. When it cannot be sent (no mail server, or the server refused), the user and link are kept, `email` says why, and `link` carries the link so an admin can pass it on.",
      access: { scope: "users:admin" },
      request: { body: { content: { "application/json": { schema: InviteUserInput } }, required: true } },
      responses: {
        201: { description: "Invited", content: { "application/json": { schema: Invitation } } },
        409: errorResponse("A user with this email already exists"),
        ...errorResponses,
      },
    },
    async (c) =>
      c.json(
        await tenancy.inviteUser(
          writeContextOf(c),
          principalOf(c),
          c.req.valid("json" as never) as InviteUserInput,
          linkBase(c, config),
        ),
        201,
      ),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/users/{id}/invitations",
      tags: ["users"],
      summary: "Send a user who has not chosen a password a new invitation; the previous link stops working",
      access: { scope: "users:admin" },
      request: { params: z.object({ id: z.string() }) },
      responses: {
        201: { description: "Invited again", content: { "application/json": { schema: Invitation } } },
        404: errorResponse("No such user in this tenant"),
        409: errorResponse("The user has already chosen a password, or is disabled"),
        ...errorResponses,
      },
    },
    async (c) =>
      c.json(
        await tenancy.resendInvitation(writeContextOf(c), principalOf(c), c.req.param("id") as string, linkBase(c, config)),
        201,
      ),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/roles",
      tags: ["users"],
      summary: "The built-in roles: name, label, description and the scopes each grants",
      access: { scope: "users:read" },
      responses: {
        200: { description: "Roles", content: { "application/json": { schema: z.object({ data: z.array(RoleInfo) }) } } },
        ...errorResponses,
      },
    },
    (c) => c.json({ data: listRoles() }),
  );
}
