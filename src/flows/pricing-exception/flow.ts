import { z } from "zod";
import { type FlowDefinition, PermanentError, type TaskResumption } from "../../modules/workflows/index.ts";
import type { FlowDeps } from "../deps.ts";
import { approvalTask } from "../shared/approval.ts";
import { Decimal, Requester, SourceSystem } from "../shared/flow-inputs.ts";
import { extendedMinor, formatMoney, fromMinor, toMinor } from "../shared/money.ts";
import { decide, UNDO_ACTION, undoAction, write } from "../shared/write.ts";
import { priceFloor } from "./price-floor.ts";

const Input = z.object({
  source_system: SourceSystem,
  sales_order_external_id: z.string().min(1),
  line_number: z.number().int().nonnegative(),
  proposed_unit_price: Decimal,
  reason: z.string().max(1000).optional(),
  requested_by: Requester,
});
type Input = z.infer<typeof Input>;

type Check = {
  order_id: string;
  order_number: string;
  customer_external_id: string;
  item_external_id: string;
  quantity: string;
  currency: string;
  floor_minor: number;
  basis: string;
  detail: string;
  proposed_minor: number;
};

/**
 * A price below the floor (the contract price, or cost plus the minimum margin) needs a manager:
 * within it, nothing to do; below it, an operations manager approves (the price is written to the
 * order in the ERP) or rejects.
 */
export const pricingException: FlowDefinition<Input, FlowDeps> = {
  name: "pricing-exception",
  version: 1,
  title: "Pricing exception",
  description: "A price below the floor goes to a manager; approved, it is written to the order.",
  input: Input,
  runTitle: (input) => `Price ${input.proposed_unit_price} on ${input.sales_order_external_id} line ${input.line_number}`,
  links: (input) => [{ type: "sales_order", id: input.sales_order_external_id, label: input.sales_order_external_id }],
  stages: {
    async start(run) {
      const { records } = run.deps;
      const check = await run.step("price-floor", async (): Promise<Check> => {
        const order = await records.getByExternalId(
          run.tenantId,
          "sales_order",
          run.input.source_system,
          run.input.sales_order_external_id,
        );
        const line = order.lines?.find((candidate) => candidate.line_number === run.input.line_number);
        if (!line) throw new PermanentError(`Order ${order.order_number} has no line ${run.input.line_number}`);
        const item = await records.getByExternalId(run.tenantId, "item", run.input.source_system, line.item_external_id);
        const agreements = await records.list(run.tenantId, "price_agreement", {
          customer_external_id: order.customer_external_id,
          item_external_id: line.item_external_id,
          limit: "50",
        });
        const floor = priceFloor(item, agreements.data, order.order_date);
        return {
          order_id: order.id,
          order_number: order.order_number,
          customer_external_id: order.customer_external_id,
          item_external_id: line.item_external_id,
          quantity: line.quantity,
          currency: order.currency,
          floor_minor: floor.floor_minor,
          basis: floor.basis,
          detail: floor.detail,
          proposed_minor: toMinor(run.input.proposed_unit_price),
        };
      });
      run.state.check = check;
      if (check.proposed_minor >= check.floor_minor)
        return run.finish({ within_policy: true, floor: fromMinor(check.floor_minor) });

      const discountPerUnit = check.floor_minor - check.proposed_minor;
      const atStake = extendedMinor(check.quantity, fromMinor(discountPerUnit));
      const request = {
        kind: "sales_order.update" as const,
        connector: "erp",
        payload: priceChange(run.input, check),
        facts: {
          amount_minor: atStake,
          currency: check.currency,
          customer_external_id: check.customer_external_id,
          confidence: 1,
        },
        summary: `Price ${run.input.proposed_unit_price} on ${check.order_number} line ${run.input.line_number}`,
      };
      const decision = await decide(run, "policy", request);
      // Below the floor is a manager's call whatever the amount: never a junior role's. The task
      // says so first, then why policy itself asks for a person, if it does: not the junior role it
      // named (the task's "who may decide" says otherwise), nor the rule that would have let a
      // small amount through on its own (a denial's reasons stay: the write will be refused).
      const approverRole = decision.approver_role === "admin" ? "admin" : "operations_manager";
      const managerial = {
        ...decision,
        approver_role: approverRole,
        reasons: [
          `a price below the floor needs ${approverRole === "admin" ? "an administrator" : "an operations manager"} or a role above it, whatever the amount`,
          ...(decision.effect === "allow" ? [] : decision.reasons.filter((reason) => !reason.startsWith("needs approval by"))),
        ],
      };
      return run.waitForTask(
        approvalTask(managerial, {
          title: `Price below floor on ${check.order_number}`,
          summary: `${fromMinor(check.proposed_minor)} ${check.currency} a unit is below the floor of ${fromMinor(check.floor_minor)} (${check.detail}); ${formatMoney(atStake, check.currency)} below it over ${check.quantity} units.${run.input.reason ? ` Reason given: ${run.input.reason}` : ""}`,
          requestedBy: run.input.requested_by,
          context: {
            money: { amount_minor: atStake, currency: check.currency },
            records: [
              { type: "sales_order", id: check.order_id, label: check.order_number },
              { type: "customer", id: check.customer_external_id, label: check.customer_external_id },
            ],
            summary: {
              text: `Floor ${fromMinor(check.floor_minor)} from ${check.detail}; proposed ${run.input.proposed_unit_price}.`,
              sources: [{ label: `Order ${check.order_number}`, ref: check.order_id }],
              engine: "rules",
            },
            proposal: request.payload,
          },
        }),
        { next: "decided", expireAfterSeconds: 14 * 86_400, onExpire: "expired" },
      );
    },
    async decided(run, resumed) {
      const decision = resumed as TaskResumption;
      if (decision.status !== "approved") return run.finish({ approved: false, comment: decision.decision.comment });
      const check = run.state.check as Check;
      const payload = { ...priceChange(run.input, check), ...(decision.decision.proposal ?? {}) };
      const action = await write(
        run,
        "write-price",
        {
          kind: "sales_order.update",
          connector: "erp",
          payload,
          facts: {
            confidence: 1,
            amount_minor: extendedMinor(check.quantity, fromMinor(Math.max(0, check.floor_minor - check.proposed_minor))),
            currency: check.currency,
            customer_external_id: check.customer_external_id,
          },
          summary: `Price ${payload.unit_price} on ${check.order_number} line ${run.input.line_number}`,
        },
        decision,
      );
      return run.finish({ approved: true, action_id: action.id });
    },
    async expired(run) {
      return run.finish({ approved: false, expired: true });
    },
  },
  compensators: { [UNDO_ACTION]: undoAction },
};

function priceChange(input: Input, check: Check) {
  return {
    order_external_id: input.sales_order_external_id,
    order_number: check.order_number,
    line_number: input.line_number,
    unit_price: input.proposed_unit_price,
    reason: input.reason ?? null,
  };
}
