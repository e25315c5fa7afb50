export * from "./pull-connectors.ts";
