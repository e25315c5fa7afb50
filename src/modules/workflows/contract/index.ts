/** The workflows contract: runs, tasks, delegations and queues. Imports only zod; the console uses it. */
export * from "./delegations.ts";
export * from "./runs.ts";
export * from "./tasks.ts";
