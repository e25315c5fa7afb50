import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { WriteContext } from "../../platform/actor.ts";
import { rows, withSystem, withTenant } from "../../platform/db/tenant-scope.ts";
import { platformMigrations } from "../../platform/index.ts";
import { createMailer } from "../../platform/mail/mailer.ts";
import { createKeyring } from "../../platform/secret-key.ts";
import { startTargetServer, type TargetServer } from "../../platform/testing/http-target-server.ts";
import { createTestDatabase, type TestDatabase, usingServer } from "../../platform/testing/test-database.ts";
import { governanceMigrations, listEntries } from "../governance/index.ts";
import { createTenancy, tenancyMigrations } from "../tenancy/index.ts";
import { type Ai, AiCallError, aiMigrations, createAi } from "./index.ts";

const KEY = "sk-test-0123456789-abcd";
const Order = z.object({ customer: z.string(), email: z.string(), quantity: z.number() });

/** An OpenAI chat completion carrying `content`, with the token counts given. */
const completion = (content: string, usage = { prompt_tokens: 1000, completion_tokens: 500 }) => ({
  status: 200,
  body: {
    id: "chatcmpl-1",
    object: "chat.completion",
    created: 1_765_000_000,
    model: "gpt-test",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  },
});

/** What the model server was sent: the chat messages' text, joined. */
const sentText = (server: TargetServer) =>
  ((server.received.at(-1)?.json ?? {}) as { messages?: { content: string }[] }).messages?.map((m) => m.content).join("\n") ?? "";

describe(`the AI layer (${usingServer() ? "PostgreSQL server" : "PGlite"})`, () => {
  let test: TestDatabase;
  let ai: Ai;
  let llm: TargetServer;
  let tenant: { id: string };
  let other: { id: string };
  let admin: WriteContext;
  const feature = "documents.extract";
  const ask = (overrides: Partial<Parameters<Ai["generateObject"]>[0]> = {}) =>
    ai.generateObject({
      tenantId: tenant.id,
      actor: { type: "user", id: "usr_ap", label: "ap@harbor.example" },
      feature,
      system: "Read the order. Answer with its fields.",
      prompt: "Order from Acme Supply, contact jane.doe@acme.example or +1 (555) 123-4567: 12 cases of gloves.",
      contextIds: ["doc_1"],
      schema: Order,
      ...overrides,
    });

  beforeAll(async () => {
    test = await createTestDatabase([platformMigrations, governanceMigrations, tenancyMigrations, aiMigrations]);
    const tenancy = createTenancy({ db: test.db, sessionTtlHours: 1, mailer: createMailer({ from: "ops@harbor.example" }) });
    const operator = { type: "operator" as const, id: "test" };
    tenant = await tenancy.createTenant({ actor: operator }, { name: "Harbor Industrial Supply", slug: "harbor" });
    other = await tenancy.createTenant({ actor: operator }, { name: "Bayside Fasteners", slug: "bayside" });
    admin = { tenantId: tenant.id, actor: { type: "user", id: "usr_admin" } };
    const keyring = createKeyring({
      secretKey: Buffer.alloc(32, 7).toString("base64"),
      dataDir: "memory://",
      databaseKind: test.db.kind,
    });
    ai = createAi({ db: test.db, keyring });
    llm = await startTargetServer({
      handle: () => completion(JSON.stringify({ customer: "Acme Supply", email: "[EMAIL_1]", quantity: 12 })),
    });
  }, 120_000);
  afterAll(async () => {
    await llm?.close();
    await test?.drop();
  });

  it("answers null with no provider configured, so a feature uses its embedded engine", async () => {
    expect(await ai.configured(tenant.id)).toBe(false);
    expect(await ask()).toBeNull();
    expect(await ai.calls.list(tenant.id)).toEqual([]);
  });

  it("stores a provider's key encrypted, returns it masked, and audits the change without it", async () => {
    const provider = await ai.providers.create(admin, {
      name: "local-test",
      kind: "openai-compatible",
      base_url: `${llm.url}/v1`,
      models: ["gpt-test", "gpt-big"],
      default_model: "gpt-test",
      prices: { "gpt-test": { input: "1.00", output: "2.00" } },
      api_key: KEY,
    });
    expect(provider).toMatchObject({ name: "local-test", external: true, enabled: true, api_key: "••••abcd" });
    const stored = await withSystem(test.db, (tx) => rows<Record<string, unknown>>(tx, sql`select * from ai.providers`));
    expect(JSON.stringify(stored)).not.toContain(KEY);
    const audit = await withTenant(test.db, tenant.id, (tx) =>
      listEntries(tx, tenant.id, { resource_id: provider.id, limit: 10 }),
    );
    expect(audit.data.map((entry) => entry.action)).toEqual(["ai_provider.created"]);
    expect(JSON.stringify(audit.data)).not.toContain(KEY);
    await expect(
      ai.providers.create(admin, { name: "x", kind: "openai-compatible", models: ["m"], default_model: "n" }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      details: expect.arrayContaining([
        expect.objectContaining({ path: "default_model" }),
        expect.objectContaining({ path: "base_url" }),
      ]),
    });
  });

  it("masks personal data before it leaves for an external provider, puts it back in the answer, and logs the call", async () => {
    const answer = await ask();
    expect(answer?.value).toEqual({ customer: "Acme Supply", email: "jane.doe@acme.example", quantity: 12 });
    expect(answer?.engine).toMatchObject({ kind: "llm", provider: "local-test", model: "gpt-test" });
    const request = llm.received.at(-1);
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.json).toMatchObject({ response_format: { type: "json_schema" } });
    const sent = sentText(llm);
    expect(sent).toContain("[EMAIL_1]");
    expect(sent).not.toContain("jane.doe@acme.example");
    expect(sent).not.toContain("123-4567");

    const [logged] = await ai.calls.list(tenant.id);
    expect(logged).toMatchObject({
      id: answer?.engine.call_id,
      actor: { type: "user", id: "usr_ap" },
      feature,
      operation: "object",
      provider: "local-test",
      model: "gpt-test",
      external: true,
      context_ids: ["doc_1"],
      input_tokens: 1000,
      output_tokens: 500,
      cost: "0.002000",
      outcome: "ok",
      output: { customer: "Acme Supply", email: "[EMAIL_1]", quantity: 12 },
    });
    expect(logged?.prompt).not.toContain("jane.doe@acme.example");
    expect(logged?.redactions.map((found) => found.kind).sort()).toEqual(["email", "phone"]);
    expect(logged?.latency_ms).toBeGreaterThanOrEqual(0);
    // What a person then did with the output is kept with the call.
    expect(await ai.calls.review(admin, logged?.id as string, "edited")).toMatchObject({
      reviewed: "edited",
      reviewed_by: "user:usr_admin",
    });
  });

  it("sends text as it is to a provider inside the tenant's own infrastructure", async () => {
    await ai.providers.update(admin, "local-test", {
      name: "local-test",
      kind: "openai-compatible",
      base_url: `${llm.url}/v1`,
      models: ["gpt-test", "gpt-big"],
      default_model: "gpt-test",
      prices: { "gpt-test": { input: "1.00", output: "2.00" } },
      external: false,
    });
    await ask();
    expect(sentText(llm)).toContain("jane.doe@acme.example");
    // The key was kept: the update sent none.
    expect(llm.received.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("refuses a model the tenant does not allow, and records a provider's failure and an answer off the schema", async () => {
    const notAllowed = await ask({ model: "gpt-5" }).catch((error: unknown) => error);
    expect(notAllowed).toBeInstanceOf(AiCallError);
    expect(notAllowed).toMatchObject({ outcome: "model_not_allowed" });
    expect(llm.received.at(-1)?.json).not.toMatchObject({ model: "gpt-5" });

    llm.answer(() => ({ status: 500, body: { error: { message: "the model is overloaded" } } }));
    const failed = await ask().catch((error: unknown) => error);
    expect(failed).toMatchObject({ outcome: "error", message: expect.stringContaining("local-test (gpt-test) did not answer") });

    llm.answer(() => completion(JSON.stringify({ customer: "Acme Supply" })));
    expect(await ask().catch((error: unknown) => error)).toMatchObject({ outcome: "error" });

    const outcomes = (await ai.calls.list(tenant.id, { limit: 3 })).map((call) => [call.outcome, call.error !== null]);
    expect(outcomes).toEqual([
      ["error", true],
      ["error", true],
      ["model_not_allowed", true],
    ]);
    expect((await ai.calls.list(tenant.id, { outcome: "model_not_allowed" }))[0]?.model).toBe("gpt-5");
  });

  it("stops calls over the tenant's monthly cap and its rate limit, and logs the refusals", async () => {
    llm.answer(() => completion(JSON.stringify({ customer: "Acme Supply", email: "none", quantity: 1 })));
    await ai.budgets.set(admin, { monthly_cost_limit: "0.01", calls_per_minute: null });
    // Spent so far: two answered calls at 0.002 each.
    expect(await ai.budgets.usage(tenant.id)).toMatchObject({
      month_cost: "0.004000",
      month_calls: 2,
      monthly_cost_limit: "0.01",
    });
    for (let call = 0; call < 3; call++) await ask();
    const over = await ask().catch((error: unknown) => error);
    expect(over).toMatchObject({ outcome: "over_budget", status: 429 });
    const sentBefore = llm.received.length;

    await ai.budgets.set(admin, { monthly_cost_limit: null, calls_per_minute: 5 });
    const limited = await ask().catch((error: unknown) => error);
    expect(limited).toMatchObject({ outcome: "rate_limited" });
    expect(llm.received.length).toBe(sentBefore);
    expect((await ai.calls.list(tenant.id, { limit: 2 })).map((call) => call.outcome)).toEqual(["rate_limited", "over_budget"]);
    await ai.budgets.set(admin, { monthly_cost_limit: null, calls_per_minute: null });
  });

  it("calls Anthropic through the same layer", async () => {
    const anthropic = await startTargetServer({
      handle: () => ({
        status: 200,
        body: {
          id: "msg_1",
          type: "message",
          role: "assistant",
          model: "claude-test",
          content: [{ type: "text", text: "The order is for 12 cases." }],
          stop_reason: "end_turn",
          stop_sequence: null,
          usage: { input_tokens: 40, output_tokens: 8 },
        },
      }),
    });
    try {
      await ai.providers.create(admin, {
        name: "anthropic",
        kind: "anthropic",
        base_url: `${anthropic.url}/v1`,
        models: ["claude-test"],
        default_model: "claude-test",
        api_key: "sk-ant-test-9999",
      });
      const answer = await ai.generateText({
        tenantId: tenant.id,
        actor: { type: "system", id: "copilot" },
        feature: "copilot.ask",
        prompt: "How many cases?",
        provider: "anthropic",
      });
      expect(answer).toMatchObject({
        value: "The order is for 12 cases.",
        engine: { provider: "anthropic", model: "claude-test" },
      });
      expect(anthropic.received[0]).toMatchObject({ path: "/v1/messages", headers: { "x-api-key": "sk-ant-test-9999" } });
      expect((await ai.calls.list(tenant.id, { feature: "copilot.ask" }))[0]).toMatchObject({
        operation: "text",
        input_tokens: 40,
        output_tokens: 8,
        cost: null,
      });
    } finally {
      await anthropic.close();
    }
  });

  it("keeps each tenant's providers and calls to itself", async () => {
    expect(await ai.providers.list(other.id)).toEqual([]);
    expect(await ai.calls.list(other.id)).toEqual([]);
    expect(
      await ai.generateObject({ tenantId: other.id, actor: { type: "system", id: "t" }, feature, prompt: "x", schema: Order }),
    ).toBeNull();
  });
});
