export * from "./receipts.ts";
export * from "./sources.ts";
