/**
 * The actions contract: governed writes, their policy decisions, policy sets and connectors.
 * Imports only zod, so the console and API clients can use it as it is.
 */
export * from "./action.ts";
export * from "./action-kinds.ts";
export * from "./action-request.ts";
export * from "./approver-roles.ts";
export * from "./connectors.ts";
export * from "./edi-documents.ts";
export * from "./policies.ts";
export * from "./policy-decision.ts";
