import { z } from "@hono/zod-openapi";
import { AiCall, Budget, CallOutcome, Provider, ProviderInput, Usage } from "../../modules/ai/index.ts";
import { tenantOf, writeContextOf } from "../context.ts";
import { errorResponse, errorResponses } from "../error-response.ts";
import type { RouteDeps } from "./route-deps.ts";

const ProviderParams = z.object({ id: z.string().describe("the provider's id or name") });
const CallParams = z.object({ id: z.string().describe("the call's id") });
const CallsParams = z.object({
  feature: z.string().max(100).optional(),
  outcome: CallOutcome.optional(),
  limit: z.string().regex(/^\d+$/).optional().describe("at most 500; 50 unless said"),
  before: z.string().max(40).optional().describe("a call's id: the page of calls made before it"),
});

/**
 * The AI layer's settings and log: which providers and models the tenant allows (keys stored
 * encrypted, never returned), its budget and rate limit, and every model call made through it.
 */
export function aiRoutes({ routes, ai }: RouteDeps) {
  const json = <T extends z.ZodType>(description: string, schema: T) => ({
    description,
    content: { "application/json": { schema } },
  });
  routes(
    {
      method: "get",
      path: "/api/v1/ai/providers",
      tags: ["ai"],
      summary: "The model providers the tenant allows, keys masked",
      access: { scope: "ai:read" },
      responses: { 200: json("Providers", z.object({ data: z.array(Provider) })), ...errorResponses },
    },
    async (c) => c.json({ data: await ai.providers.list(tenantOf(c)) }),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/ai/providers",
      tags: ["ai"],
      summary: "Allow a provider (OpenAI-compatible or Anthropic) and its models; its key is stored encrypted",
      access: { scope: "ai:admin" },
      request: { body: { content: { "application/json": { schema: ProviderInput } }, required: true } },
      responses: { 201: json("Created", Provider), 409: errorResponse("The name is taken"), ...errorResponses },
    },
    async (c) => c.json(await ai.providers.create(writeContextOf(c), c.req.valid("json" as never)), 201),
  );
  routes(
    {
      method: "put",
      path: "/api/v1/ai/providers/{id}",
      tags: ["ai"],
      summary: "Replace a provider's settings; without api_key the stored key is kept",
      access: { scope: "ai:admin" },
      request: { params: ProviderParams, body: { content: { "application/json": { schema: ProviderInput } }, required: true } },
      responses: { 200: json("The provider", Provider), 404: errorResponse("No such provider"), ...errorResponses },
    },
    async (c) => c.json(await ai.providers.update(writeContextOf(c), c.req.param("id") as string, c.req.valid("json" as never))),
  );
  routes(
    {
      method: "delete",
      path: "/api/v1/ai/providers/{id}",
      tags: ["ai"],
      summary: "Stop using a provider; its past calls stay in the log",
      access: { scope: "ai:admin" },
      request: { params: ProviderParams },
      responses: { 204: { description: "Removed" }, 404: errorResponse("No such provider"), ...errorResponses },
    },
    async (c) => {
      await ai.providers.remove(writeContextOf(c), c.req.param("id") as string);
      return c.body(null, 204);
    },
  );
  routes(
    {
      method: "get",
      path: "/api/v1/ai/calls",
      tags: ["ai"],
      summary: "Model calls, newest first: who, what for, which model, the prompt as sent, the output, tokens, cost, latency",
      access: { scope: "ai:read" },
      request: { query: CallsParams },
      responses: { 200: json("Calls", z.object({ data: z.array(AiCall) })), ...errorResponses },
    },
    async (c) => c.json({ data: await ai.calls.list(tenantOf(c), c.req.query()) }),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/ai/calls/{id}",
      tags: ["ai"],
      summary: "One model call",
      access: { scope: "ai:read" },
      request: { params: CallParams },
      responses: { 200: json("The call", AiCall), 404: errorResponse("No such call"), ...errorResponses },
    },
    async (c) => c.json(await ai.calls.get(tenantOf(c), c.req.param("id") as string)),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/ai/budget",
      tags: ["ai"],
      summary: "The tenant's monthly cost cap and rate limit, with this month's use",
      access: { scope: "ai:read" },
      responses: { 200: json("Budget and use", Usage), ...errorResponses },
    },
    async (c) => c.json(await ai.budgets.usage(tenantOf(c))),
  );
  routes(
    {
      method: "put",
      path: "/api/v1/ai/budget",
      tags: ["ai"],
      summary: "Set the monthly cost cap and the calls-per-minute limit (null: none); calls over them are refused and logged",
      access: { scope: "ai:admin" },
      request: { body: { content: { "application/json": { schema: Budget } }, required: true } },
      responses: { 200: json("The budget", Budget), ...errorResponses },
    },
    async (c) => c.json(await ai.budgets.set(writeContextOf(c), c.req.valid("json" as never))),
  );
}
