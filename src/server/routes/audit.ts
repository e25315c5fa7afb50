import { z } from "@hono/zod-openapi";
import { auditFacets, governanceContract, listEntries, verifyChain } from "../../modules/governance/index.ts";
import { withTenant } from "../../platform/db/tenant-scope.ts";
import { tenantOf } from "../context.ts";
import { errorResponses } from "../error-response.ts";
import type { RouteDeps } from "./route-deps.ts";

const { AuditEntry, AuditFacets, AuditQuery, ChainReport } = governanceContract;

export function auditRoutes({ routes, db }: RouteDeps) {
  routes(
    {
      method: "get",
      path: "/api/v1/audit",
      tags: ["audit"],
      summary: "The tenant's audit trail, newest first",
      description:
        "`record=<id>` gives the entries about one record: those naming it as their resource, and batch upserts listing it in `data.ids`.",
      access: { scope: "audit:read" },
      request: { query: AuditQuery },
      responses: {
        200: {
          description: "Entries",
          content: {
            "application/json": { schema: z.object({ data: z.array(AuditEntry), next_before_seq: z.number().nullable() }) },
          },
        },
        ...errorResponses,
      },
    },
    async (c) => {
      const tenantId = tenantOf(c);
      const query = c.req.valid("query" as never) as z.infer<typeof AuditQuery>;
      return c.json(await withTenant(db, tenantId, (tx) => listEntries(tx, tenantId, query)));
    },
  );
  routes(
    {
      method: "get",
      path: "/api/v1/audit/facets",
      tags: ["audit"],
      summary: "The values the trail's filters can take: its actions, actors and resource types, sorted",
      access: { scope: "audit:read" },
      responses: {
        200: { description: "Facets", content: { "application/json": { schema: AuditFacets } } },
        ...errorResponses,
      },
    },
    async (c) => {
      const tenantId = tenantOf(c);
      return c.json(await withTenant(db, tenantId, (tx) => auditFacets(tx, tenantId)));
    },
  );
  routes(
    {
      method: "post",
      path: "/api/v1/audit/verify",
      tags: ["audit"],
      summary: "Recompute the tenant's hash chain and report the first broken link, if any",
      access: { scope: "audit:verify" },
      responses: {
        200: { description: "Verification report", content: { "application/json": { schema: ChainReport } } },
        ...errorResponses,
      },
    },
    async (c) => {
      const tenantId = tenantOf(c);
      const report = await withTenant(db, tenantId, (tx) => verifyChain(tx, tenantId));
      return c.json(
        report.ok
          ? { ok: true, entries: report.entries, head_hash: report.headHash }
          : { ok: false, entries: report.entries, first_break: report.firstBreak },
      );
    },
  );
}
