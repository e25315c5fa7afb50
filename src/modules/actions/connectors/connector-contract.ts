import type * as Vitest from "vitest";
import type { ActionKind, ActionRequestInput, ConnectorInput, ConnectorKind } from "../contract/index.ts";
import type { ActionsFixture } from "../testing/fixture.ts";

/** One connector kind, as the shared contract suite exercises it. */
export type ContractSubject = {
  kind: ConnectorKind;
  /** A kind of write it carries, and one it does not. */
  actionKind: ActionKind;
  unsupportedKind: ActionKind;
  /** Its config (named "target" by the suite). */
  input: Omit<Extract<ConnectorInput, { kind: ConnectorKind }>, "name">;
  /** A payload it can write (different for each n), and one it must refuse, with the field it must name. */
  payload: (n: number) => Record<string, unknown>;
  invalidPayload: { payload: Record<string, unknown>; path: string };
  /** A secret in its config that must never be shown, when it has one. */
  secret?: string;
  /** How many writes have reached the target system so far. */
  delivered: () => Promise<number>;
};

export type ContractSetup = { fixture: ActionsFixture; subject: ContractSubject; close(): Promise<void> };

/**
 * What every connector kind must do, whatever it writes to: write once per idempotency key, store
 * and audit the action with its lineage, show a dry run without writing, and refuse what it
 * cannot carry before anything is stored. Each kind's test file calls this with its own target,
 * handing in vitest (shipped code does not load the test runner).
 */
export function describeConnectorContract(vitest: typeof Vitest, name: string, start: () => Promise<ContractSetup>) {
  const { afterAll, beforeAll, describe, expect, it } = vitest;
  describe(`connector contract: ${name}`, () => {
    let setup: ContractSetup;
    let f: ActionsFixture;
    let subject: ContractSubject;
    const request = (n: number, overrides: Partial<ActionRequestInput> = {}): ActionRequestInput => ({
      kind: subject.actionKind,
      idempotency_key: `contract-${n}`,
      connector: "target",
      payload: subject.payload(n),
      facts: { amount_minor: 1_000, confidence: 0.99 },
      cause: { type: "document", id: `doc_${n}` },
      run_id: `run_${n}`,
      summary: `contract write ${n}`,
      ...overrides,
    });

    beforeAll(async () => {
      setup = await start();
      f = setup.fixture;
      subject = setup.subject;
      await f.permissive();
      await f.actions.connectors.create(f.person("usr_it"), { name: "target", ...subject.input } as ConnectorInput);
    });
    afterAll(() => setup?.close());

    it("lists the connector with the kinds it carries, never its secrets", async () => {
      const [listed] = await f.actions.connectors.list(f.tenant.id);
      expect(listed).toMatchObject({ name: "target", kind: subject.kind });
      expect(listed?.action_kinds).toContain(subject.actionKind);
      if (subject.secret) expect(JSON.stringify(listed)).not.toContain(subject.secret);
      if (subject.secret) expect(JSON.stringify(await f.auditOf(listed?.id ?? ""))).not.toContain(subject.secret);
    });

    it("shows a dry run's rendered request and writes nothing, not even the action", async () => {
      const before = await subject.delivered();
      const outcome = await f.actions.execute(f.flow, request(1), { dryRun: true });
      if (!outcome.dry_run) throw new Error("expected a dry run");
      expect(outcome.decision.effect).toBe("allow");
      expect(outcome.would).toMatchObject({ connector: "target", connector_kind: subject.kind, kind: subject.actionKind });
      expect(outcome.would.body).toBeDefined();
      if (subject.secret) expect(JSON.stringify(outcome)).not.toContain(subject.secret);
      expect(await subject.delivered()).toBe(before);
      expect((await f.actions.list(f.tenant.id, { cause_type: "document", cause_id: "doc_1" })).data).toEqual([]);
    });

    it("writes once, audited with the deciding policies, found by its cause and its run", async () => {
      const before = await subject.delivered();
      const outcome = await f.actions.execute(f.flow, request(2));
      if (outcome.dry_run) throw new Error("expected a write");
      const { action } = outcome;
      expect(action).toMatchObject({ status: "succeeded", attempts: 1, connector: "target", run_id: "run_2", error: null });
      expect(action.decision).toMatchObject({
        effect: "allow",
        policies: ["auto-within-limits"],
        source: "tenant",
        policy_version: 1,
      });
      expect(action.result?.summary).toBeTruthy();
      expect(await subject.delivered()).toBe(before + 1);
      expect((await f.actions.list(f.tenant.id, { cause_type: "document", cause_id: "doc_2" })).data.map((a) => a.id)).toEqual([
        action.id,
      ]);
      expect((await f.actions.list(f.tenant.id, { run_id: "run_2" })).data.map((a) => a.id)).toEqual([action.id]);
      const [entry] = await f.auditOf(action.id);
      expect(entry).toMatchObject({
        action: "action.executed",
        actor: { type: "system", id: "flow:inbound-po-to-order" },
        resource_type: "action",
        data: {
          kind: subject.actionKind,
          connector: "target",
          policies: ["auto-within-limits"],
          policy_version: 1,
          policy_source: "tenant",
          cause: { type: "document", id: "doc_2" },
          run_id: "run_2",
        },
      });
    });

    it("returns the same action for a retry of the same write, and sends nothing again", async () => {
      const first = await f.actions.execute(f.flow, request(3));
      const delivered = await subject.delivered();
      const again = await f.actions.execute(f.flow, { ...request(3), summary: "said differently", facts: { confidence: 0.5 } });
      expect(again).toEqual(first);
      expect(await subject.delivered()).toBe(delivered);
    });

    it("refuses the same key for a different write (409), naming the key", async () => {
      await f.actions.execute(f.flow, request(4));
      await expect(f.actions.execute(f.flow, { ...request(4), payload: subject.payload(40) })).rejects.toMatchObject({
        status: 409,
        details: [expect.objectContaining({ path: "idempotency_key" })],
      });
    });

    it("refuses a payload it cannot write before anything is stored (422 naming the field)", async () => {
      const before = await subject.delivered();
      const refused = f.actions.execute(f.flow, request(5, { payload: subject.invalidPayload.payload }));
      await expect(refused).rejects.toMatchObject({ status: 422, retryable: false });
      await refused.catch((error: { details: { path?: string }[] }) => {
        expect(error.details.map((detail) => detail.path)).toContain(subject.invalidPayload.path);
      });
      expect(await subject.delivered()).toBe(before);
      expect((await f.actions.list(f.tenant.id, { run_id: "run_5" })).data).toEqual([]);
    });

    it("refuses a kind of write it does not carry, and a connector the tenant does not have (422)", async () => {
      await expect(f.actions.execute(f.flow, request(6, { kind: subject.unsupportedKind }))).rejects.toMatchObject({
        status: 422,
        code: "connector_unsupported",
      });
      await expect(f.actions.execute(f.flow, request(7, { connector: "nowhere" }))).rejects.toMatchObject({
        status: 422,
        code: "connector_not_found",
        details: [expect.objectContaining({ path: "connector" })],
      });
    });
  });
}
