import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../api/client.ts";
import { PolicySet, type PolicyTestInput, PolicyTestResult, PolicyValidation, PolicyVersionSummary } from "../contract.ts";

/** The set in force for the acting tenant: its own, else its partner's, else Crossdock's default. */
export const policiesQuery = queryOptions({
  queryKey: ["policies"],
  queryFn: ({ signal }) => api("GET", "/api/v1/policies", { schema: PolicySet, signal }),
});

export const policyVersionsQuery = queryOptions({
  queryKey: ["policies", "versions"],
  queryFn: ({ signal }) =>
    api("GET", "/api/v1/policies/versions", { schema: z.object({ data: z.array(PolicyVersionSummary) }), signal }),
});

export const policyVersionQuery = (version: number) =>
  queryOptions({
    queryKey: ["policies", "versions", version],
    queryFn: ({ signal }) => api("GET", `/api/v1/policies/versions/${version}`, { schema: PolicySet, signal }),
    // A saved version never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });

export const partnerPoliciesQuery = queryOptions({
  queryKey: ["partner-policies"],
  queryFn: ({ signal }) => api("GET", "/api/v1/partner/policies", { schema: PolicySet, signal }),
});

export const partnerPolicyVersionsQuery = queryOptions({
  queryKey: ["partner-policies", "versions"],
  queryFn: ({ signal }) =>
    api("GET", "/api/v1/partner/policies/versions", { schema: z.object({ data: z.array(PolicyVersionSummary) }), signal }),
});

/** What a save or a check sends: the Cedar text and the threshold data. */
export type PolicyDraft = { text: string; data: unknown };

export const validatePolicies = (draft: PolicyDraft) =>
  api("POST", "/api/v1/policies/validate", { json: draft, schema: PolicyValidation });

/** Saves a new version of the tenant's policies, or of the partner's defaults. */
export const savePolicies = (owner: "tenant" | "partner", draft: Partial<PolicyDraft>) =>
  api("PUT", owner === "tenant" ? "/api/v1/policies" : "/api/v1/partner/policies", { json: draft, schema: PolicySet });

/** The tenant stops using its own policies and inherits again (its partner's defaults, else Crossdock's). */
export const inheritPolicies = (reason: string) => api("DELETE", "/api/v1/policies", { json: { reason }, schema: PolicySet });

export const testPolicies = (input: PolicyTestInput) =>
  api("POST", "/api/v1/policies/test", { json: input, schema: PolicyTestResult });
