import { z } from "@hono/zod-openapi";
import { CreatePartnerInput, CreateTenantInput, Partner, Tenant } from "../../modules/tenancy/index.ts";
import { principalOf, tenantOf } from "../context.ts";
import { errorResponses } from "../error-response.ts";
import { partnerOf } from "../partner-of.ts";
import type { RouteDeps } from "./route-deps.ts";

export function tenantRoutes({ routes, tenancy }: RouteDeps) {
  routes(
    {
      method: "post",
      path: "/api/v1/partners",
      tags: ["tenants"],
      summary: "Create a partner (an ERP partner, MSP or integrator that runs Crossdock for several distributors)",
      access: { scope: "platform:admin" },
      request: { body: { content: { "application/json": { schema: CreatePartnerInput } }, required: true } },
      responses: { 201: { description: "Created", content: { "application/json": { schema: Partner } } }, ...errorResponses },
    },
    async (c) => c.json(await tenancy.createPartner(c.req.valid("json" as never) as CreatePartnerInput), 201),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/partners",
      tags: ["tenants"],
      summary: "List partners",
      access: { scope: "platform:admin" },
      responses: {
        200: { description: "Partners", content: { "application/json": { schema: z.object({ data: z.array(Partner) }) } } },
        ...errorResponses,
      },
    },
    async (c) => c.json({ data: await tenancy.listPartners() }),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/tenants",
      tags: ["tenants"],
      summary: "Create a tenant (a distributor)",
      access: { scope: "platform:admin" },
      request: { body: { content: { "application/json": { schema: CreateTenantInput } }, required: true } },
      responses: { 201: { description: "Created", content: { "application/json": { schema: Tenant } } }, ...errorResponses },
    },
    async (c) => {
      const input = c.req.valid("json" as never) as CreateTenantInput;
      const tenant = await tenancy.createTenant({ actor: principalOf(c).actor, requestId: c.get("requestId") }, input);
      return c.json(tenant, 201);
    },
  );
  routes(
    {
      method: "get",
      path: "/api/v1/tenants",
      tags: ["tenants"],
      summary: "List tenants, optionally those of one partner (`?partner=` its id or slug)",
      access: { scope: "platform:admin" },
      request: { query: z.object({ partner: z.string().optional() }) },
      responses: {
        200: { description: "Tenants", content: { "application/json": { schema: z.object({ data: z.array(Tenant) }) } } },
        ...errorResponses,
      },
    },
    async (c) => {
      const partner = c.req.query("partner");
      const partnerId = partner ? (await tenancy.findPartner(partner)).id : undefined;
      return c.json({ data: await tenancy.listTenants(partnerId ? { partnerId } : {}) });
    },
  );
  routes(
    {
      method: "get",
      path: "/api/v1/partner/tenants",
      tags: ["tenants"],
      summary: "The tenants of the caller's partner; act in one by naming it in X-Crossdock-Tenant",
      access: { scope: "partner:admin" },
      responses: {
        200: { description: "Tenants", content: { "application/json": { schema: z.object({ data: z.array(Tenant) }) } } },
        ...errorResponses,
      },
    },
    async (c) => c.json({ data: await tenancy.listTenants({ partnerId: await partnerOf(c, tenancy) }) }),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/tenant",
      tags: ["tenants"],
      summary: "The tenant the caller acts in",
      access: { scope: "tenant:read" },
      responses: { 200: { description: "Tenant", content: { "application/json": { schema: Tenant } } }, ...errorResponses },
    },
    async (c) => c.json(await tenancy.findTenant(tenantOf(c))),
  );
}
