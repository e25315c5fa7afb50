import { z } from "zod";
import { PermanentError, RetryableError } from "../engine/errors.ts";
import type { FlowDefinition } from "../engine/flow-definition.ts";

/** What the toy flows "wrote" outside Crossdock, in order: a stand-in for a system of record. */
export const written: string[] = [];
export const toggles = { erpDown: false, releaseBroken: false };
/** How the flaky toy's remote call answers: this many retryable failures before it works. */
export const flaky = { failuresLeft: 0, attempts: 0 };

const ToyInput = z.object({
  amount_minor: z.number().int().nonnegative(),
  requested_by: z.string(),
  approvers: z.number().int().min(1).default(1),
});

type Decision = { option: string; status: string; decision: { proposal: { quantity: number } | null } };

/** Reserve, ask a buyer above 1,000.00 (escalating after a day, expiring after 14), write, or undo the reservation. */
export const toyApproval: FlowDefinition<z.infer<typeof ToyInput>, unknown> = {
  name: "toy-approval",
  version: 1,
  title: "Toy approval",
  description: "Reserves, asks a buyer above a threshold, then writes.",
  input: ToyInput,
  runTitle: (input) => `Toy order of ${input.amount_minor / 100}`,
  links: () => [{ type: "purchase_order", id: "po_toy1", label: "PO toy-1" }],
  stages: {
    async start(run) {
      const reservation = await run.step(
        "reserve",
        async () => {
          written.push(`reserve:${run.idempotencyKey("reserve")}`);
          return { reservation: `r-${run.runId}` };
        },
        { compensate: { with: "release", data: (result) => result } },
      );
      if (run.input.amount_minor < 100_000) return run.finish({ auto: true, ...reservation });
      return run.waitForTask(
        {
          title: "Approve the toy order",
          summary: `An order of ${run.input.amount_minor / 100} USD needs a buyer`,
          assignee: { type: "role", id: "buyer" },
          allowedRoles: ["buyer", "operations_manager"],
          requiredApprovals: run.input.approvers,
          requestedBy: { type: "user", id: run.input.requested_by, label: run.input.requested_by },
          context: { money: { amount_minor: run.input.amount_minor, currency: "USD" }, proposal: { quantity: 5 } },
          escalation: [
            { afterSeconds: 86_400, to: { type: "role", id: "operations_manager" } },
            { afterSeconds: 86_400, to: { type: "role", id: "admin" } },
          ],
        },
        { next: "decided", expireAfterSeconds: 14 * 86_400, onExpire: "expired" },
      );
    },
    async decided(run, resumed) {
      const decision = resumed as Decision;
      if (decision.option !== "approve") return run.finish({ rejected: true });
      const quantity = decision.decision.proposal?.quantity ?? 0;
      await run.step(
        "write",
        async () => {
          if (toggles.erpDown) throw new PermanentError("The ERP refused the order");
          written.push(`write:${quantity}:${run.idempotencyKey("write")}`);
        },
        { retries: { max: 1 } },
      );
      return run.finish({ written: true, quantity });
    },
    async expired(run) {
      return run.finish({ expired: true });
    },
  },
  compensators: {
    async release(_run, data) {
      if (toggles.releaseBroken) throw new PermanentError("The reservation cannot be released");
      written.push(`release:${(data as { reservation: string }).reservation}`);
    },
  },
};

/** Sleeps a week, then finishes: a durable timer. */
export const toyTimer: FlowDefinition<{ note: string }, unknown> = {
  name: "toy-timer",
  version: 1,
  title: "Toy timer",
  description: "Waits a week.",
  input: z.object({ note: z.string() }),
  runTitle: (input) => `Timer ${input.note}`,
  links: () => [],
  stages: {
    async start(run) {
      return run.sleep(7 * 86_400, { next: "woke", payload: { note: run.input.note } });
    },
    async woke(run, resumed) {
      return run.finish({ woke: resumed });
    },
  },
};

/** One call to a remote system that answers "try later" `flaky.failuresLeft` times: retried with backoff. */
export const toyFlaky: FlowDefinition<{ interval_seconds: number; attempts: number }, unknown> = {
  name: "toy-flaky",
  version: 1,
  title: "Toy flaky call",
  description: "Calls a remote system that fails for a while.",
  input: z.object({ interval_seconds: z.number().positive(), attempts: z.number().int().min(1) }),
  runTitle: () => "Flaky call",
  links: () => [],
  stages: {
    async start(run) {
      const answer = await run.step(
        "call",
        async () => {
          flaky.attempts += 1;
          if (flaky.failuresLeft > 0) {
            flaky.failuresLeft -= 1;
            throw new RetryableError("The remote system is busy");
          }
          return `answered on attempt ${flaky.attempts}`;
        },
        { retries: { max: run.input.attempts, intervalSeconds: run.input.interval_seconds, backoff: 2 } },
      );
      return run.finish({ answer });
    },
  },
};
