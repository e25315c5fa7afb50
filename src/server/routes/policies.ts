import { z } from "@hono/zod-openapi";
import {
  InheritPoliciesInput,
  PolicySchema,
  PolicySet,
  type PolicyTestInput as PolicyTestBody,
  PolicyTestInput,
  PolicyTestResult,
  PolicyValidation,
  PolicyVersionSummary,
  SavePolicyInput,
} from "../../modules/actions/index.ts";
import { principalOf, tenantOf, writeContextOf } from "../context.ts";
import { errorResponse, errorResponses } from "../error-response.ts";
import { partnerOf } from "../partner-of.ts";
import type { RouteDeps } from "./route-deps.ts";

const invalidPolicies = errorResponse(
  "The text or data is invalid: each detail names its path, and for text its `line`, `column`, `help` and `policy_id`",
);

/** The tenant's action policies (Cedar text and threshold data), their versions, the test bench, and partner defaults. */
export function policyRoutes({ routes, actions, tenancy }: RouteDeps) {
  routes(
    {
      method: "get",
      path: "/api/v1/policies",
      tags: ["policies"],
      summary: "The action policies in force: the tenant's own, else its partner's, else Crossdock's default",
      access: { scope: "policies:read" },
      responses: {
        200: { description: "The policy set", content: { "application/json": { schema: PolicySet } } },
        ...errorResponses,
      },
    },
    async (c) => c.json(await actions.policies.get(tenantOf(c))),
  );
  routes(
    {
      method: "put",
      path: "/api/v1/policies",
      tags: ["policies"],
      summary: "Save a new version of the tenant's policies: text, data or both (what is left out stays as in force)",
      description:
        "Validated before saving: Cedar syntax and schema errors come back with line and column; data errors with their path.",
      access: { scope: "policies:admin" },
      request: { body: { content: { "application/json": { schema: SavePolicyInput } }, required: true } },
      responses: {
        200: { description: "The new version, now in force", content: { "application/json": { schema: PolicySet } } },
        409: errorResponse("Saved by someone else at the same moment"),
        ...errorResponses,
        422: invalidPolicies,
      },
    },
    async (c) => c.json(await actions.policies.save(writeContextOf(c), c.req.valid("json" as never))),
  );
  routes(
    {
      method: "delete",
      path: "/api/v1/policies",
      tags: ["policies"],
      summary:
        "Stop using the tenant's own policies and inherit again: its partner's defaults, else Crossdock's, with the reason",
      description:
        'Recorded as a new version (`source: "inherited"`, no text or data) and audited `policy.inherited` with the reason; ' +
        "the next decision uses the inherited set. Saving again later makes the tenant's own set in force once more.",
      access: { scope: "policies:admin" },
      request: { body: { content: { "application/json": { schema: InheritPoliciesInput } }, required: true } },
      responses: {
        200: {
          description: "The set now in force (the partner's defaults, or Crossdock's)",
          content: { "application/json": { schema: PolicySet } },
        },
        409: errorResponse("The tenant already inherits (nothing is recorded), or its policies were saved at the same moment"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await actions.policies.inherit(writeContextOf(c), c.req.valid("json" as never))),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/policies/versions",
      tags: ["policies"],
      summary:
        "Every saved version of the tenant's policies, newest first, with what each changed (a return to inherited defaults is one)",
      access: { scope: "policies:read" },
      responses: {
        200: {
          description: "Versions",
          content: { "application/json": { schema: z.object({ data: z.array(PolicyVersionSummary) }) } },
        },
        ...errorResponses,
      },
    },
    async (c) => c.json({ data: await actions.policies.versions(tenantOf(c)) }),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/policies/versions/{version}",
      tags: ["policies"],
      summary: "One saved version of the tenant's policies",
      access: { scope: "policies:read" },
      request: { params: z.object({ version: z.coerce.number().int().positive() }) },
      responses: {
        200: { description: "The version", content: { "application/json": { schema: PolicySet } } },
        404: errorResponse("No such version"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await actions.policies.version(tenantOf(c), Number(c.req.param("version")))),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/policies/schema",
      tags: ["policies"],
      summary: "The Cedar schema policies are written against: principals, the ActionKind resource, actions and context",
      access: { scope: "policies:read" },
      responses: {
        200: { description: "The schema", content: { "application/json": { schema: PolicySchema } } },
        ...errorResponses,
      },
    },
    (c) => c.json({ cedar_schema: actions.policies.schema }),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/policies/validate",
      tags: ["policies"],
      summary: "Check policy text and data without saving: every problem, located",
      access: { scope: "policies:read" },
      request: {
        body: {
          content: {
            "application/json": {
              schema: z.object({ text: z.string().max(200_000).optional(), data: z.unknown().optional() }).strict(),
            },
          },
          required: true,
        },
      },
      responses: {
        200: { description: "ok, or the errors", content: { "application/json": { schema: PolicyValidation } } },
        ...errorResponses,
      },
    },
    async (c) => c.json(actions.policies.validate(c.req.valid("json" as never))),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/policies/test",
      tags: ["policies"],
      summary:
        "The test bench: what policy would decide for a request (and whether someone may approve it), on saved or unsaved policies",
      description:
        "Nothing is saved. Without `principal`, the caller asks; with `text` or `data`, those are tried instead of the saved ones.",
      access: { scope: "policies:read" },
      request: { body: { content: { "application/json": { schema: PolicyTestInput } }, required: true } },
      responses: {
        200: { description: "The decision", content: { "application/json": { schema: PolicyTestResult } } },
        ...errorResponses,
        422: invalidPolicies,
      },
    },
    async (c) =>
      c.json(
        await actions.policies.test(writeContextOf(c), c.req.valid("json" as never) as PolicyTestBody, {
          roles: principalOf(c).roles,
        }),
      ),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/partner/policies",
      tags: ["policies"],
      summary: "The partner's default policies, for its tenants that have none of their own",
      access: { scope: "partner:admin" },
      responses: {
        200: { description: "The policy set", content: { "application/json": { schema: PolicySet } } },
        ...errorResponses,
      },
    },
    async (c) => c.json(await actions.policies.getPartner(await partnerOf(c, tenancy))),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/partner/policies/versions",
      tags: ["policies"],
      summary: "Every saved version of the partner's default policies, newest first, with what each changed",
      access: { scope: "partner:admin" },
      responses: {
        200: {
          description: "Versions",
          content: { "application/json": { schema: z.object({ data: z.array(PolicyVersionSummary) }) } },
        },
        ...errorResponses,
      },
    },
    async (c) => c.json({ data: await actions.policies.partnerVersions(await partnerOf(c, tenancy)) }),
  );
  routes(
    {
      method: "put",
      path: "/api/v1/partner/policies",
      tags: ["policies"],
      summary: "Save a new version of the partner's default policies; recorded in every tenant's audit trail",
      access: { scope: "partner:admin" },
      request: { body: { content: { "application/json": { schema: SavePolicyInput } }, required: true } },
      responses: {
        200: { description: "The new version", content: { "application/json": { schema: PolicySet } } },
        409: errorResponse("Saved by someone else at the same moment"),
        ...errorResponses,
        422: invalidPolicies,
      },
    },
    async (c) => {
      const partnerId = await partnerOf(c, tenancy);
      const ctx = { actor: principalOf(c).actor, requestId: c.get("requestId") };
      return c.json(await actions.policies.savePartner(ctx, partnerId, c.req.valid("json" as never)));
    },
  );
}
