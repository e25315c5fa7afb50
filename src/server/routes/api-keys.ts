import { z } from "@hono/zod-openapi";
import { ApiKey, CreateApiKeyInput, CreatedApiKey } from "../../modules/tenancy/index.ts";
import { principalOf, tenantOf, writeContextOf } from "../context.ts";
import { errorResponses } from "../error-response.ts";
import type { RouteDeps } from "./route-deps.ts";

export function apiKeyRoutes({ routes, tenancy }: RouteDeps) {
  routes(
    {
      method: "post",
      path: "/api/v1/api-keys",
      tags: ["api keys"],
      summary: "Create an API key; its secret is in this response only",
      access: { scope: "api_keys:admin" },
      request: { body: { content: { "application/json": { schema: CreateApiKeyInput } }, required: true } },
      responses: {
        201: { description: "Created", content: { "application/json": { schema: CreatedApiKey } } },
        ...errorResponses,
      },
    },
    async (c) =>
      c.json(
        await tenancy.createApiKey(writeContextOf(c), principalOf(c), c.req.valid("json" as never) as CreateApiKeyInput),
        201,
      ),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/api-keys",
      tags: ["api keys"],
      summary: "List API keys (never their secrets)",
      access: { scope: "api_keys:read" },
      responses: {
        200: { description: "Keys", content: { "application/json": { schema: z.object({ data: z.array(ApiKey) }) } } },
        ...errorResponses,
      },
    },
    async (c) => c.json({ data: await tenancy.listApiKeys(tenantOf(c)) }),
  );
  routes(
    {
      method: "delete",
      path: "/api/v1/api-keys/{id}",
      tags: ["api keys"],
      summary: "Revoke an API key; it stops working at once",
      access: { scope: "api_keys:admin" },
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: { description: "Revoked", content: { "application/json": { schema: ApiKey } } }, ...errorResponses },
    },
    async (c) => c.json(await tenancy.revokeApiKey(writeContextOf(c), c.req.param("id") as string)),
  );
}
