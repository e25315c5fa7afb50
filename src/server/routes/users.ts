import { z } from "@hono/zod-openapi";
import { CreateUserInput, User } from "../../modules/tenancy/index.ts";
import { tenantOf, writeContextOf } from "../context.ts";
import { errorResponses } from "../error-response.ts";
import type { RouteDeps } from "./route-deps.ts";

export function userRoutes({ routes, tenancy }: RouteDeps) {
  routes(
    {
      method: "post",
      path: "/api/v1/users",
      tags: ["users"],
      summary: "Create a console user",
      access: { scope: "users:admin" },
      request: { body: { content: { "application/json": { schema: CreateUserInput } }, required: true } },
      responses: { 201: { description: "Created", content: { "application/json": { schema: User } } }, ...errorResponses },
    },
    async (c) => c.json(await tenancy.createUser(writeContextOf(c), c.req.valid("json" as never) as CreateUserInput), 201),
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
}
