import { AppError } from "../../platform/errors.ts";
import type { CallOutcome } from "./contract/ai.ts";

/**
 * Why a model call was not answered. A feature that gets one falls back to its embedded engine
 * (rules, extractive answers) and says so; `outcome` is what the call log records.
 */
export class AiCallError extends AppError {
  readonly outcome: Exclude<CallOutcome, "ok">;
  readonly callId: string;

  constructor(outcome: Exclude<CallOutcome, "ok">, message: string, callId: string, cause?: unknown) {
    super(outcome === "error" ? "internal" : outcome === "model_not_allowed" ? "forbidden" : "rate_limited", message, {
      cause,
    });
    this.name = "AiCallError";
    this.outcome = outcome;
    this.callId = callId;
  }
}

export class ProviderNotFoundError extends AppError {
  constructor(ref: string) {
    super("not_found", `No AI provider ${ref} in this tenant`);
    this.name = "ProviderNotFoundError";
  }
}
