import { ACTION_KINDS, type ActionFacts, type ActionKind, type KindPolicy } from "../contract/index.ts";
import type { PolicyPrincipal } from "./entities.ts";
import { percent } from "./thresholds.ts";

// Building an Intl formatter costs far more than using one: one per currency and per precision, kept.
const digitsByCurrency = new Map<string, number>();
const formatters = new Map<number, Intl.NumberFormat>();

function fractionDigits(currency: string | undefined): number {
  if (!currency) return 2;
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** 1234567 cents → "12,345.67 USD". */
export function formatMoney(minor: number, currency?: string): string {
  const digits = fractionDigits(currency);
  let formatter = formatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(digits, formatter);
  }
  const amount = formatter.format(minor / 10 ** digits);
  return currency ? `${amount} ${currency}` : amount;
}

/**
 * Why the tenant's thresholds keep a request from being done without a person, in words: facts
 * about the request and the data, whichever policies are in force.
 */
export function whyNotAutonomous(
  kind: ActionKind,
  facts: ActionFacts,
  thresholds: KindPolicy,
  principal: PolicyPrincipal,
): string[] {
  const reasons: string[] = [];
  const label = ACTION_KINDS[kind].label;
  if (thresholds.auto_approve_max_minor === null) {
    reasons.push(`"${label}" is never done without a person here`);
  } else if (facts.amount_minor === undefined && ACTION_KINDS[kind].carries_money) {
    reasons.push(`no amount was given, and "${label}" moves money`);
  } else if (facts.amount_minor !== undefined && facts.amount_minor > thresholds.auto_approve_max_minor) {
    reasons.push(
      `${formatMoney(facts.amount_minor, facts.currency)} is above the ${formatMoney(thresholds.auto_approve_max_minor, facts.currency)} done without a person`,
    );
  }
  const needed = percent(thresholds.min_confidence);
  if (facts.confidence !== undefined && percent(facts.confidence) < needed) {
    reasons.push(`confidence ${percent(facts.confidence)}% is below the ${needed}% needed to act without a person`);
  } else if (facts.confidence === undefined && principal.type === "agent") {
    reasons.push("automation gave no confidence for it");
  }
  if (facts.item_class !== undefined && thresholds.approval_item_classes.includes(facts.item_class)) {
    reasons.push(`items of class ${facts.item_class} always need a person`);
  }
  return reasons;
}
