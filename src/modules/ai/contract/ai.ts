import { z } from "zod";

/** How Crossdock talks to a provider: the OpenAI chat API (OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp server) or Anthropic's. */
export const ProviderKind = z.enum(["openai-compatible", "anthropic"]);
export type ProviderKind = z.infer<typeof ProviderKind>;

const Price = z.object({
  input: z.string().regex(/^\d+(\.\d+)?$/, "a price per million tokens, e.g. 0.15"),
  output: z.string().regex(/^\d+(\.\d+)?$/, "a price per million tokens, e.g. 0.60"),
});

/** A provider as an admin sets it: where it is, which models this tenant may use, their prices, and the key. */
export const ProviderInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    kind: ProviderKind,
    base_url: z.url().max(500).optional(),
    models: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
    default_model: z.string().trim().min(1).max(200),
    prices: z.record(z.string(), Price).default({}),
    external: z
      .boolean()
      .default(true)
      .describe("whether text sent there leaves the tenant's infrastructure: personal data is masked first"),
    enabled: z.boolean().default(true),
    api_key: z
      .string()
      .min(1)
      .max(1000)
      .optional()
      .describe("stored encrypted, never returned; left out on an update, the stored key is kept"),
  })
  .superRefine((provider, context) => {
    if (!provider.models.includes(provider.default_model))
      context.addIssue({ code: "custom", path: ["default_model"], message: "must be one of models" });
    if (provider.kind === "openai-compatible" && !provider.base_url)
      context.addIssue({ code: "custom", path: ["base_url"], message: "an OpenAI-compatible provider needs its base URL" });
  });
export type ProviderInput = z.input<typeof ProviderInput>;

export const Provider = z.object({
  id: z.string(),
  name: z.string(),
  kind: ProviderKind,
  base_url: z.string().nullable(),
  models: z.array(z.string()),
  default_model: z.string(),
  prices: z.record(z.string(), Price),
  external: z.boolean(),
  enabled: z.boolean(),
  api_key: z.string().nullable().describe("the key's last four characters, masked; null when none is stored"),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Provider = z.infer<typeof Provider>;

export const CallOutcome = z.enum(["ok", "error", "over_budget", "rate_limited", "model_not_allowed"]);
export type CallOutcome = z.infer<typeof CallOutcome>;
export const CallReview = z.enum(["accepted", "edited", "rejected"]);
export type CallReview = z.infer<typeof CallReview>;

/** One model call as the log keeps it: who, what for, where, what was sent (masked) and what came back. */
export const AiCall = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ type: z.string(), id: z.string() }),
  feature: z.string(),
  operation: z.enum(["object", "text", "embedding"]),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  external: z.boolean(),
  system_prompt: z.string().nullable(),
  prompt: z.string(),
  redactions: z.array(z.object({ kind: z.string(), placeholder: z.string() })),
  context_ids: z.array(z.string()),
  output: z.unknown().nullable(),
  input_tokens: z.number().int().nullable(),
  output_tokens: z.number().int().nullable(),
  cost: z.string().nullable(),
  latency_ms: z.number().int().nullable(),
  outcome: CallOutcome,
  error: z.string().nullable(),
  reviewed: CallReview.nullable(),
  reviewed_by: z.string().nullable(),
});
export type AiCall = z.infer<typeof AiCall>;

export const CallsQuery = z.object({
  feature: z.string().max(100).optional(),
  outcome: CallOutcome.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.string().max(40).optional().describe("a call's id: calls made before it"),
});
export type CallsQuery = z.input<typeof CallsQuery>;

export const Budget = z.object({
  monthly_cost_limit: z
    .string()
    .regex(/^\d+(\.\d{1,2})?$/)
    .nullable()
    .describe("the most a calendar month's calls may cost; null: no cap"),
  calls_per_minute: z.number().int().min(1).max(100_000).nullable().describe("null: no limit"),
});
export type Budget = z.infer<typeof Budget>;

/** This month's use against the budget. */
export const Usage = Budget.extend({
  month_cost: z.string(),
  month_calls: z.number().int(),
  last_minute_calls: z.number().int(),
});
export type Usage = z.infer<typeof Usage>;

/** Which engine produced an output: a configured model, or Crossdock's embedded rules and models. */
export const Engine = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("llm"), provider: z.string(), model: z.string(), call_id: z.string() }),
  z.object({ kind: z.literal("embedded"), name: z.string() }),
]);
export type Engine = z.infer<typeof Engine>;
