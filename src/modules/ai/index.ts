export { type Ai, createAi, type ModelAnswer, type ModelRequest } from "./ai.ts";
export * from "./contract/ai.ts";
export { AiCallError, ProviderNotFoundError } from "./errors.ts";

export const aiMigrations = { module: "ai", directory: new URL("./migrations/", import.meta.url) };
