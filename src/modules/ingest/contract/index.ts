export * from "../edi-intake/contract/index.ts";
export * from "../pull/contract/index.ts";
export * from "./file-drops.ts";
export * from "./mappings.ts";
export * from "./receipts.ts";
export * from "./sources.ts";
