import { z } from "zod";
import { type FlowDefinition, PermanentError, type TaskResumption } from "../../modules/workflows/index.ts";
import type { FlowDeps } from "../deps.ts";
import { approvalTask } from "../shared/approval.ts";
import { Decimal, Requester, SourceSystem } from "../shared/flow-inputs.ts";
import { extendedMinor, formatMoney, fromMinor } from "../shared/money.ts";
import { decide, type FlowWrite, UNDO_ACTION, undoAction, write } from "../shared/write.ts";

const ProposalLine = z.object({
  item_external_id: z.string().min(1),
  quantity: Decimal,
  uom: z.string().min(1).max(16),
  unit_cost: Decimal,
  /** Why it is proposed, in words: "stockout risk on 2026-12-14", "below reorder point". */
  reason: z.string().max(300),
});

/** One purchase proposal for one supplier and warehouse, as planning makes it. */
const Input = z.object({
  source_system: SourceSystem,
  supplier_external_id: z.string().min(1),
  location_external_id: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
  order_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  expected_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  lines: z.array(ProposalLine).min(1).max(1000),
  requested_by: Requester.default({ type: "system", id: "planning", label: "replenishment planning" }),
});
type Input = z.infer<typeof Input>;

type Checked = {
  supplier_name: string;
  lines: (z.infer<typeof ProposalLine> & { line_number: number; extended_minor: number })[];
  total_minor: number;
  warnings: string[];
};

const roundUpToMultiple = (quantity: number, multiple: number) =>
  multiple > 0 ? Math.ceil(quantity / multiple) * multiple : quantity;

const poWrite = (input: Input, checked: Checked, lines: Checked["lines"]): FlowWrite => {
  const total = lines.reduce((sum, line) => sum + line.extended_minor, 0);
  return {
    kind: "purchase_order.create",
    connector: "erp",
    payload: {
      supplier_external_id: input.supplier_external_id,
      location_external_id: input.location_external_id,
      order_date: input.order_date,
      expected_date: input.expected_date ?? null,
      currency: input.currency,
      total_amount: fromMinor(total),
      lines: lines.map((line) => ({
        line_number: line.line_number,
        item_external_id: line.item_external_id,
        quantity: line.quantity,
        uom: line.uom,
        unit_cost: line.unit_cost,
        extended_cost: fromMinor(line.extended_minor),
      })),
    },
    facts: { amount_minor: total, currency: input.currency, supplier_external_id: input.supplier_external_id, confidence: 1 },
    summary: `PO to ${checked.supplier_name}: ${lines.length} lines, ${formatMoney(total, input.currency)}`,
  };
};

/**
 * Purchase proposals → a buyer approves (many at once from the inbox, editing quantities or
 * dropping lines) → the purchase orders are written. Quantities are rounded up to the supplier's
 * order multiple first; a proposal under the supplier's minimum is flagged. Within the tenant's
 * autonomy limit, a proposal is placed without asking.
 */
export const replenishmentApproval: FlowDefinition<Input, FlowDeps> = {
  name: "replenishment-approval",
  version: 1,
  title: "Replenishment approval",
  description: "A buyer approves purchase proposals (in bulk from the inbox); approved, they are placed as purchase orders.",
  input: Input,
  runTitle: (input) =>
    `Replenish ${input.lines.length} items from ${input.supplier_external_id} into ${input.location_external_id}`,
  links: (input) => [{ type: "supplier", id: input.supplier_external_id, label: input.supplier_external_id }],
  stages: {
    async start(run) {
      const checked = await run.step("check-supplier-terms", async (): Promise<Checked> => {
        const supplier = await run.deps.records.getByExternalId(
          run.tenantId,
          "supplier",
          run.input.source_system,
          run.input.supplier_external_id,
        );
        if (supplier.status && supplier.status !== "active")
          throw new PermanentError(`Supplier ${supplier.name} is ${supplier.status}`);
        const multiple = Number(supplier.order_multiple ?? 0);
        const warnings: string[] = [];
        const lines = run.input.lines.map((line, index) => {
          const rounded = roundUpToMultiple(Number(line.quantity), multiple);
          if (rounded !== Number(line.quantity))
            warnings.push(`${line.item_external_id}: ${line.quantity} rounded up to ${rounded} (multiples of ${multiple})`);
          const quantity = String(rounded);
          return { ...line, quantity, line_number: index + 1, extended_minor: extendedMinor(quantity, line.unit_cost) };
        });
        const total = lines.reduce((sum, line) => sum + line.extended_minor, 0);
        if (supplier.minimum_order_amount && total < Math.round(Number(supplier.minimum_order_amount) * 100)) {
          warnings.push(`Below the supplier's minimum order of ${supplier.minimum_order_amount} ${run.input.currency}`);
        }
        return { supplier_name: supplier.name, lines, total_minor: total, warnings };
      });
      run.state.checked = checked;
      const request = poWrite(run.input, checked, checked.lines);
      const decision = await decide(run, "policy", request);
      if (decision.effect === "deny") return run.finish({ placed: false, reasons: decision.reasons });
      if (decision.effect === "allow" && checked.warnings.length === 0) {
        const placed = await write(run, "place-order", request);
        return run.finish({ placed: true, action: placed.id, autonomous: true });
      }
      const asked = decision.effect === "allow" ? { ...decision, approver_role: "buyer" } : decision;
      return run.waitForTask(
        approvalTask(asked, {
          title: `Purchase proposal: ${checked.supplier_name}, ${formatMoney(checked.total_minor, run.input.currency)}`,
          summary: [
            `${checked.lines.length} lines into ${run.input.location_external_id}: ${checked.lines.map((line) => `${line.item_external_id} ×${line.quantity} (${line.reason})`).join("; ")}.`,
            ...checked.warnings,
          ].join(" "),
          requestedBy: run.input.requested_by,
          context: {
            money: { amount_minor: checked.total_minor, currency: run.input.currency },
            records: [{ type: "supplier", id: run.input.supplier_external_id, label: checked.supplier_name }],
            summary: {
              text: checked.lines.map((line) => `${line.item_external_id}: ${line.reason}`).join("\n"),
              sources: [{ label: "replenishment plan", ref: run.runId }],
              engine: "rules",
            },
            proposal: { lines: checked.lines.map(({ extended_minor: _, ...line }) => ({ ...line, include: true })) },
          },
        }),
        { next: "decided", expireAfterSeconds: 7 * 86_400, onExpire: "expired" },
      );
    },
    async decided(run, resumed) {
      const decision = resumed as TaskResumption;
      if (decision.status !== "approved") return run.finish({ placed: false, comment: decision.decision.comment });
      const checked = run.state.checked as Checked;
      const edited = (decision.decision.proposal as { lines?: (Checked["lines"][number] & { include?: boolean })[] } | null)
        ?.lines;
      const lines = (edited ?? checked.lines.map((line) => ({ ...line, include: true })))
        .filter((line) => line.include !== false && Number(line.quantity) > 0)
        .map((line, index) => ({
          ...line,
          line_number: index + 1,
          extended_minor: extendedMinor(line.quantity, line.unit_cost),
        }));
      if (lines.length === 0) return run.finish({ placed: false, comment: "every line was dropped" });
      const placed = await write(run, "place-order", poWrite(run.input, checked, lines), decision);
      return run.finish({ placed: true, action: placed.id, lines: lines.length });
    },
    async expired(run) {
      return run.finish({ placed: false, expired: true });
    },
  },
  compensators: { [UNDO_ACTION]: undoAction },
};
