import { randomBytes } from "node:crypto";
import { aiMigrations, createAi } from "../../src/modules/ai/index.ts";
import {
  type DocumentKind,
  type ExtractedLine,
  type ExtractedValue,
  fromModelReading,
  ModelReading,
  modelPrompt,
  type PageText,
} from "../../src/modules/documents/index.ts";
import { governanceMigrations } from "../../src/modules/governance/index.ts";
import { createTenancy, tenancyMigrations } from "../../src/modules/tenancy/index.ts";
import { createKeyring, migrate, openPglite, platformMigrations } from "../../src/platform/index.ts";
import { createMailer } from "../../src/platform/mail/mailer.ts";

export type Reading = { fields: Record<string, ExtractedValue>; lines: ExtractedLine[] };

/** A document read by a model, as the pipeline reads it for a tenant that chose one. */
export type BenchModelReader = {
  label: string;
  read(kind: DocumentKind, pages: PageText[], rules: Reading): Promise<Reading>;
  close(): Promise<void>;
};

/**
 * The model extractor for the bench, when a model server is named: `CROSSDOCK_BENCH_MODEL_URL` (an
 * OpenAI-compatible base URL: Ollama's `http://127.0.0.1:11434/v1`, vLLM's, llama.cpp server's),
 * `CROSSDOCK_BENCH_MODEL` (the model) and, if the server wants one, `CROSSDOCK_BENCH_MODEL_KEY`.
 * The calls go through the AI layer on a throwaway embedded database, as a tenant's do. Null when
 * none is named (the bench says it skipped the model).
 */
export async function openBenchModelReader(): Promise<BenchModelReader | null> {
  const url = process.env.CROSSDOCK_BENCH_MODEL_URL;
  const model = process.env.CROSSDOCK_BENCH_MODEL;
  if (!url || !model) return null;
  const db = await openPglite("memory://");
  await migrate(db, [platformMigrations, governanceMigrations, tenancyMigrations, aiMigrations]);
  const tenancy = createTenancy({ db, sessionTtlHours: 1, mailer: createMailer({ from: "bench@crossdock.test" }) });
  const tenant = await tenancy.createTenant({ actor: { type: "operator", id: "bench" } }, { name: "Bench", slug: "bench" });
  const ctx = { tenantId: tenant.id, actor: { type: "operator" as const, id: "bench" } };
  const ai = createAi({
    db,
    keyring: createKeyring({ secretKey: randomBytes(32).toString("base64"), dataDir: "memory://", databaseKind: db.kind }),
  });
  await ai.providers.create(ctx, {
    name: "bench",
    kind: "openai-compatible",
    base_url: url,
    models: [model],
    default_model: model,
    external: false,
    ...(process.env.CROSSDOCK_BENCH_MODEL_KEY ? { api_key: process.env.CROSSDOCK_BENCH_MODEL_KEY } : {}),
  });
  return {
    label: `${model} at ${url}`,
    async read(kind, pages, rules) {
      const { system, prompt } = modelPrompt(kind, pages);
      const answer = await ai.generateObject({
        ...ctx,
        feature: "bench.documents",
        system,
        prompt,
        schema: ModelReading,
        timeoutMs: 600_000,
      });
      if (!answer) throw new Error("the bench's provider is not enabled");
      return fromModelReading(kind, pages, answer.value, rules);
    },
    close: () => db.close(),
  };
}
