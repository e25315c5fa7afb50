import { ACTION_KIND_NAMES, ACTION_KINDS } from "../contract.ts";

/** The thresholds form's name for each field of a kind's thresholds. */
export const THRESHOLD_FIELD_LABELS: Readonly<Record<string, string>> = {
  auto_approve_max_minor: "Without a person up to",
  min_confidence: "Min. confidence (%)",
  deny_customer_tiers: "Never for customer tiers",
  approval_item_classes: "Always a person for item classes",
  approver_tiers: "Approved by",
};

/**
 * Where a problem in the threshold data is, in the form's words:
 * "data.kinds.sales_order.create.approver_tiers.1.max_minor" → "Create sales order › Approved by › tier 2 up to".
 * Null for a path outside a kind's thresholds (or a kind the contract does not know).
 */
export function thresholdPlace(path: string): string | null {
  const inData = path.replace(/^data\./, "");
  let kind: string;
  let rest: string;
  if (inData === "default" || inData.startsWith("default.")) {
    kind = "Every other kind";
    rest = inData.slice("default.".length);
  } else {
    const inKinds = inData.replace(/^kinds\./, "");
    const name = ACTION_KIND_NAMES.find((candidate) => inKinds === candidate || inKinds.startsWith(`${candidate}.`));
    if (!inData.startsWith("kinds.") || !name) return null;
    kind = ACTION_KINDS[name].label;
    rest = inKinds.slice(name.length + 1);
  }
  const [field, index, part] = rest.split(".");
  const fieldLabel = field ? THRESHOLD_FIELD_LABELS[field] : undefined;
  if (!fieldLabel) return kind;
  if (field !== "approver_tiers" || index === undefined || !/^\d+$/.test(index)) return `${kind} › ${fieldLabel}`;
  const tier = `tier ${Number(index) + 1}${part === "role" ? " role" : part === "max_minor" ? " up to" : ""}`;
  return `${kind} › ${fieldLabel} › ${tier}`;
}
