/**
 * The tenancy contract: partners, tenants, users and roles, the people directory, API keys,
 * sessions, invitations, branding and the caller. Imports only zod, so the console and API clients can use it as it is.
 */
export * from "./api-keys.ts";
export * from "./branding.ts";
export * from "./invitations.ts";
export * from "./me.ts";
export * from "./people.ts";
export * from "./sessions.ts";
export * from "./tenants.ts";
export * from "./users.ts";
