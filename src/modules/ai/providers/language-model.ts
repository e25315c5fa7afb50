import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import type { OpenProvider } from "./providers.ts";

/**
 * The AI SDK model for a provider's model. OpenAI-compatible servers (OpenAI, Azure OpenAI's v1
 * endpoint, Ollama, vLLM, llama.cpp server) are asked for structured output with a JSON schema
 * (`response_format: json_schema`), which all of them accept.
 */
export function languageModel(provider: OpenProvider, model: string): LanguageModel {
  if (provider.kind === "anthropic") {
    return createAnthropic({
      ...(provider.apiKey ? { apiKey: provider.apiKey } : {}),
      ...(provider.base_url ? { baseURL: provider.base_url } : {}),
    })(model);
  }
  return createOpenAICompatible({
    name: provider.name,
    baseURL: provider.base_url as string,
    ...(provider.apiKey ? { apiKey: provider.apiKey } : {}),
    supportsStructuredOutputs: true,
  }).chatModel(model);
}

/** What a call's tokens cost at the provider's prices for the model (per million tokens); null when it has none. */
export function costOf(provider: OpenProvider, model: string, inputTokens: number, outputTokens: number): string | null {
  const price = provider.prices[model];
  if (!price) return null;
  return ((inputTokens * Number(price.input) + outputTokens * Number(price.output)) / 1_000_000).toFixed(6);
}
