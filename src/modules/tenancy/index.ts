export { formatApiKey, parseApiKey } from "./api-key-format.ts";
export * from "./contract/index.ts";
export type { Principal } from "./principal.ts";
export { createTenancy, type Tenancy } from "./tenancy.ts";

export const tenancyMigrations = { module: "tenancy", directory: new URL("./migrations/", import.meta.url) };
