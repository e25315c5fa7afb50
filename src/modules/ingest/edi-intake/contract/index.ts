export * from "./documents.ts";
export * from "./partners.ts";
