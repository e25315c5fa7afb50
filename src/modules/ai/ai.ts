import { generateText, Output } from "ai";
import type { z } from "zod";
import type { Actor } from "../../platform/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { newId } from "../../platform/ids.ts";
import type { Logger } from "../../platform/logger.ts";
import type { Keyring } from "../../platform/secret-key.ts";
import { budgetRefusal, createBudgets } from "./calls/budget.ts";
import { type CallEntry, createCallLog } from "./calls/call-log.ts";
import type { Engine } from "./contract/ai.ts";
import { AiCallError } from "./errors.ts";
import { maskForProvider } from "./masking.ts";
import { costOf, languageModel } from "./providers/language-model.ts";
import { createProviders } from "./providers/providers.ts";

/** What a feature asks of a model. */
export type ModelRequest = {
  tenantId: string;
  actor: Actor;
  /** What asked, for the log and the budget's breakdown: "documents.extract", "copilot.ask". */
  feature: string;
  system?: string;
  prompt: string;
  /** The records and passages the prompt was built from, by id, for the log. */
  contextIds?: string[];
  /** A provider by name or id, and one of its models; else the tenant's first enabled provider's default. */
  provider?: string;
  model?: string;
  /** How long the provider may take, in milliseconds (60 s unless said). */
  timeoutMs?: number;
};

export type ModelAnswer<T> = { value: T; engine: Extract<Engine, { kind: "llm" }> };

/**
 * The AI layer every model call goes through: the tenant's provider and model (allowed by its
 * settings), its budget and rate limit, personal data masked before text leaves for an external
 * provider and put back in the answer, and every call logged with its tokens, cost, latency and
 * outcome. With no provider configured a call answers null, and the feature uses its embedded
 * engine (rules, extractive answers) and says so.
 */
export function createAi(deps: { db: Database; keyring: Keyring; logger?: Logger }) {
  const { db } = deps;
  const providers = createProviders(deps);
  const calls = createCallLog(db);
  const budgets = createBudgets(db);

  async function call<T>(
    request: ModelRequest,
    operation: "object" | "text",
    run: (args: { model: ReturnType<typeof languageModel>; system: string | undefined; prompt: string }) => Promise<{
      value: T;
      inputTokens: number | undefined;
      outputTokens: number | undefined;
    }>,
  ): Promise<ModelAnswer<T> | null> {
    const provider = await providers.open(request.tenantId, request.provider);
    if (!provider) return null;
    const id = newId("aic");
    const model = request.model ?? provider.default_model;
    const masked = maskForProvider(provider.external, request.system, request.prompt);
    const entry: CallEntry = {
      id,
      actor: request.actor,
      feature: request.feature,
      operation,
      providerId: provider.id,
      providerName: provider.name,
      model,
      external: provider.external,
      system: masked.system,
      prompt: masked.prompt,
      redactions: masked.found.map(({ kind, placeholder }) => ({ kind, placeholder })),
      contextIds: request.contextIds ?? [],
      output: null,
      inputTokens: null,
      outputTokens: null,
      cost: null,
      latencyMs: null,
      outcome: "ok",
      error: null,
    };
    const refuse = async (outcome: Exclude<CallEntry["outcome"], "ok">, message: string, cause?: unknown) => {
      await calls.record(request.tenantId, { ...entry, outcome, error: message.slice(0, 2000) });
      return new AiCallError(outcome, message, id, cause);
    };
    if (!provider.models.includes(model))
      throw await refuse("model_not_allowed", `${provider.name} is not allowed to serve ${model} in this tenant`);
    const refusal = budgetRefusal(await budgets.usage(request.tenantId));
    if (refusal) throw await refuse(refusal.outcome, refusal.message);
    const started = performance.now();
    try {
      const answer = await run({
        model: languageModel(provider, model),
        system: masked.system ?? undefined,
        prompt: masked.prompt,
      });
      const inputTokens = answer.inputTokens ?? 0;
      const outputTokens = answer.outputTokens ?? 0;
      await calls.record(request.tenantId, {
        ...entry,
        // Text is kept as { text }, so the log's output is always an object.
        output: operation === "text" ? { text: answer.value } : answer.value,
        inputTokens: answer.inputTokens ?? null,
        outputTokens: answer.outputTokens ?? null,
        cost: costOf(provider, model, inputTokens, outputTokens),
        latencyMs: Math.round(performance.now() - started),
      });
      return { value: masked.restore(answer.value), engine: { kind: "llm", provider: provider.name, model, call_id: id } };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.logger?.warn({ err: error, feature: request.feature, provider: provider.name, model }, "model call failed");
      const failure = await refuse("error", `${provider.name} (${model}) did not answer: ${message}`, error);
      throw failure;
    }
  }

  return {
    providers,
    calls,
    budgets,

    /** Whether the tenant has a provider enabled (features show which engine they will use). */
    async configured(tenantId: string): Promise<boolean> {
      return (await providers.list(tenantId)).some((provider) => provider.enabled);
    },

    /** An object of `schema`'s shape from the model (structured output, checked against the schema); null with no provider. */
    generateObject<T>(request: ModelRequest & { schema: z.ZodType<T> }): Promise<ModelAnswer<T> | null> {
      return call(request, "object", async ({ model, system, prompt }) => {
        const result = await generateText({
          model,
          ...(system ? { system } : {}),
          prompt,
          output: Output.object({ schema: request.schema }),
          maxRetries: 1,
          timeout: request.timeoutMs ?? 60_000,
        });
        return { value: result.output as T, inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens };
      });
    },

    /** Text from the model; null with no provider. */
    generateText(request: ModelRequest): Promise<ModelAnswer<string> | null> {
      return call(request, "text", async ({ model, system, prompt }) => {
        const result = await generateText({
          model,
          ...(system ? { system } : {}),
          prompt,
          maxRetries: 1,
          timeout: request.timeoutMs ?? 60_000,
        });
        return { value: result.text, inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens };
      });
    },
  };
}

export type Ai = ReturnType<typeof createAi>;
