import { DBOS } from "@dbos-inc/dbos-sdk";
import { z } from "zod";
import type { FlowDefinition } from "../../src/modules/workflows/index.ts";

/**
 * What the workflows benchmark runs: the same three trivial steps as a flow (with everything a flow
 * keeps: its run row, timeline, audit, links, outcome) and as a bare DBOS workflow, the anchor.
 */
const Counter = z.object({ n: z.number().int() });

export const threeStepFlow: FlowDefinition<z.infer<typeof Counter>, unknown> = {
  name: "bench-three-steps",
  version: 1,
  title: "Three steps (benchmark)",
  description: "Three trivial steps, then done.",
  input: Counter,
  runTitle: (input) => `Three steps #${input.n}`,
  links: () => [],
  stages: {
    async start(run) {
      const one = await run.step("one", async () => run.input.n + 1);
      const two = await run.step("two", async () => one + 1);
      const three = await run.step("three", async () => two + 1);
      return run.finish({ result: three });
    },
  },
};

/** Waits for a buyer's approval, escalating after a day and expiring after thirty: an open approval. */
export const openApprovalFlow: FlowDefinition<z.infer<typeof Counter>, unknown> = {
  name: "bench-open-approval",
  version: 1,
  title: "Open approval (benchmark)",
  description: "Asks a buyer, and waits.",
  input: Counter,
  runTitle: (input) => `Approval #${input.n}`,
  links: (input) => [{ type: "purchase_order", id: `PO-${input.n}`, label: `PO-${input.n}` }],
  stages: {
    async start(run) {
      return run.waitForTask(
        {
          title: `Approve PO-${run.input.n}`,
          summary: "A purchase order waiting for a buyer",
          assignee: { type: "role", id: "buyer" },
          allowedRoles: ["buyer"],
          requestedBy: { type: "system", id: "bench", label: "bench" },
          context: { money: { amount_minor: 100_000 + run.input.n, currency: "USD" } },
          escalation: [{ afterSeconds: 86_400, to: { type: "role", id: "operations_manager" } }],
        },
        { next: "decided", expireAfterSeconds: 30 * 86_400, onExpire: "decided" },
      );
    },
    async decided(run) {
      return run.finish({ decided: true });
    },
  },
};

async function bareThreeSteps(n: number): Promise<number> {
  const one = await DBOS.runStep(async () => n + 1, { name: "one" });
  const two = await DBOS.runStep(async () => one + 1, { name: "two" });
  return DBOS.runStep(async () => two + 1, { name: "three" });
}

/** The anchor: three steps as one DBOS workflow, nothing else. Register before DBOS launches. */
export const dbosThreeSteps = DBOS.registerWorkflow(bareThreeSteps, { name: "bench.dbos-three-steps" });
