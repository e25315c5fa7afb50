import { z } from "@hono/zod-openapi";
import { Branding, BrandingInput, EffectiveBranding, TenantBranding } from "../../modules/tenancy/index.ts";
import { AppError } from "../../platform/errors.ts";
import { principalOf, tenantOf, writeContextOf } from "../context.ts";
import { errorResponse, errorResponses } from "../error-response.ts";
import { partnerOf } from "../partner-of.ts";
import type { RouteDeps } from "./route-deps.ts";

const TenantQuery = z.object({ tenant: z.string().max(100).optional().describe("the tenant's slug or id") });

/** Logos are images people upload; served so that a browser never runs one as a page (an SVG may hold script). */
const LOGO_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  "Cache-Control": "public, max-age=300",
};

/** White-label branding: what a tenant's console, sign-in page and emails look like. */
export function brandingRoutes({ routes, tenancy }: RouteDeps) {
  routes(
    {
      method: "get",
      path: "/api/v1/branding",
      tags: ["branding"],
      summary: "A tenant's effective branding, for the sign-in page (tenant over partner over Crossdock's defaults)",
      description: "An unknown or absent tenant gets Crossdock's defaults, with `tenant: null`.",
      access: { public: true },
      request: { query: TenantQuery },
      responses: {
        200: { description: "Effective branding", content: { "application/json": { schema: EffectiveBranding } } },
        422: errorResponses[422],
      },
    },
    async (c) => c.json(await tenancy.brandingFor(c.req.query("tenant"))),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/branding/logo",
      tags: ["branding"],
      summary: "A tenant's effective logo, as an image (emails link to it)",
      access: { public: true },
      request: { query: TenantQuery },
      responses: {
        200: {
          description: "The logo",
          content: Object.fromEntries(
            ["image/png", "image/jpeg", "image/webp", "image/svg+xml"].map((type) => [
              type,
              { schema: z.string().openapi({ format: "binary" }) },
            ]),
          ),
        },
        404: errorResponse("Neither the tenant nor its partner has a logo"),
      },
    },
    async (c) => {
      const logo = await tenancy.brandingLogo(c.req.query("tenant"));
      if (!logo) throw new AppError("not_found", "Neither this tenant nor its partner has a logo");
      return c.body(new Uint8Array(logo.bytes), 200, { ...LOGO_HEADERS, "Content-Type": logo.contentType });
    },
  );
  routes(
    {
      method: "get",
      path: "/api/v1/tenant/branding",
      tags: ["branding"],
      summary: "The tenant's branding: what it sets, what its partner sets, and the result",
      access: { scope: "tenant:read" },
      responses: {
        200: { description: "Branding", content: { "application/json": { schema: TenantBranding } } },
        ...errorResponses,
      },
    },
    async (c) => c.json(await tenancy.getTenantBranding(tenantOf(c))),
  );
  routes(
    {
      method: "put",
      path: "/api/v1/tenant/branding",
      tags: ["branding"],
      summary: "Change the tenant's branding: only the fields given change; null inherits the partner's or the default",
      access: { scope: "tenant:admin" },
      request: { body: { content: { "application/json": { schema: BrandingInput } }, required: true } },
      responses: {
        200: { description: "Branding after the change", content: { "application/json": { schema: TenantBranding } } },
        ...errorResponses,
      },
    },
    async (c) => c.json(await tenancy.updateTenantBranding(writeContextOf(c), c.req.valid("json" as never) as BrandingInput)),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/partner/branding",
      tags: ["branding"],
      summary: "The caller's partner's branding, which its tenants inherit",
      access: { scope: "partner:admin" },
      responses: { 200: { description: "Branding", content: { "application/json": { schema: Branding } } }, ...errorResponses },
    },
    async (c) => c.json(await tenancy.getPartnerBranding(await partnerOf(c, tenancy))),
  );
  routes(
    {
      method: "put",
      path: "/api/v1/partner/branding",
      tags: ["branding"],
      summary: "Change the partner's branding for all its tenants; recorded in every tenant's audit trail",
      access: { scope: "partner:admin" },
      request: { body: { content: { "application/json": { schema: BrandingInput } }, required: true } },
      responses: {
        200: { description: "Branding after the change", content: { "application/json": { schema: Branding } } },
        ...errorResponses,
      },
    },
    async (c) => {
      const partnerId = await partnerOf(c, tenancy);
      const ctx = { actor: principalOf(c).actor, requestId: c.get("requestId") };
      return c.json(await tenancy.updatePartnerBranding(ctx, partnerId, c.req.valid("json" as never) as BrandingInput));
    },
  );
}
