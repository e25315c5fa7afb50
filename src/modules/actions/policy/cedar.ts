import { readFileSync } from "node:fs";
// The Node.js build loads its WebAssembly synchronously; the default (ESM) entry needs --experimental-wasm-modules.
import {
  type AuthorizationAnswer,
  type AuthorizationCall,
  checkParsePolicySet,
  type DetailedError,
  isAuthorized,
  policySetTextToParts,
  policyToJson,
  preparsePolicySet,
  preparseSchema,
  type StatefulAuthorizationCall,
  statefulIsAuthorized,
  validate,
} from "@cedar-policy/cedar-wasm/nodejs";

export type { AuthorizationAnswer, DetailedError };

/** The Cedar schema every policy is validated against (crossdock.cedarschema, beside this file). */
export const CEDAR_SCHEMA = readFileSync(new URL("./crossdock.cedarschema", import.meta.url), "utf8");

/** Crossdock's default policies (default-policies.cedar, beside this file). */
export const DEFAULT_POLICY_TEXT = readFileSync(new URL("./default-policies.cedar", import.meta.url), "utf8");

export const NAMESPACE = "Crossdock";

// The schema's name inside the WebAssembly module, which keeps one copy per process.
const SCHEMA_NAME = "crossdock-actions";
let schemaReady = false;

function ensureSchema(): void {
  if (schemaReady) return;
  const answer = preparseSchema(SCHEMA_NAME, CEDAR_SCHEMA);
  if (answer.type !== "success") throw new Error(`The actions Cedar schema does not parse: ${answer.errors[0]?.message}`);
  schemaReady = true;
}

export type CedarRequest = Omit<AuthorizationCall, "policies" | "schema" | "validateRequest">;

/** Evaluates against a policy set preparsed under `id`, validating the request against the schema. */
export function authorizePreparsed(id: string, request: CedarRequest): AuthorizationAnswer {
  ensureSchema();
  const call: StatefulAuthorizationCall = {
    ...request,
    preparsedPolicySetId: id,
    preparsedSchemaName: SCHEMA_NAME,
    validateRequest: true,
  };
  return statefulIsAuthorized(call);
}

/** Evaluates against policies given in full (unsaved ones, on the test bench). */
export function authorizeOnce(policies: Record<string, string>, request: CedarRequest): AuthorizationAnswer {
  return isAuthorized({ ...request, policies: { staticPolicies: policies }, schema: CEDAR_SCHEMA, validateRequest: true });
}

/** Keeps a policy set parsed inside the WebAssembly module under `id`, replacing what was there. */
export function preparse(id: string, policies: Record<string, string>): void {
  const answer = preparsePolicySet(id, { staticPolicies: policies });
  if (answer.type !== "success") throw new Error(`Policy set ${id} does not parse: ${answer.errors[0]?.message}`);
}

export { checkParsePolicySet, policySetTextToParts, policyToJson, validate };
