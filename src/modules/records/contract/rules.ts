import type { z } from "zod";
import type { Fields } from "./fields.ts";

/**
 * Checks that span fields of one record, declared beside its fields. They run once the fields
 * themselves have parsed, and report on `field`.
 * - `not_before`: `field` is not earlier (or smaller) than `other` when both are set.
 * - `required_when`: `field` must be set when `when` equals `equals`.
 */
export type Rule =
  | { rule: "not_before"; field: string; other: string }
  | { rule: "required_when"; field: string; when: string; equals: string };

type Row = Record<string, unknown>;
type Check = (row: Row, ctx: z.RefinementCtx) => void;

// A module-level function, not a closure made per row: checks run on every row of a bulk write.
function report(ctx: z.RefinementCtx, path: (string | number)[], message: string): void {
  ctx.addIssue({ code: "custom", path, message });
}

// Dates and timestamps are normalised, so they order as text; numbers order as numbers.
function isBefore(kind: string | undefined, value: unknown, other: unknown): boolean {
  if (kind === "decimal" || kind === "money" || kind === "integer") return Number(value) < Number(other);
  return String(value) < String(other);
}

function ruleCheck(fields: Fields, rule: Rule): Check {
  switch (rule.rule) {
    case "not_before": {
      const kind = fields[rule.field]?.kind;
      return (row, ctx) => {
        const [value, other] = [row[rule.field], row[rule.other]];
        if (value != null && other != null && isBefore(kind, value, other))
          report(ctx, [rule.field], `must not be before ${rule.other} (${String(other)})`);
      };
    }
    case "required_when":
      return (row, ctx) => {
        if (row[rule.when] === rule.equals && row[rule.field] == null)
          report(ctx, [rule.field], `is required when ${rule.when} is "${rule.equals}"`);
      };
  }
}

/** Every money amount needs its currency: on the same row, or for a line, on its parent. */
function moneyChecks(
  fields: Fields,
  fromParent: boolean,
): ((row: Row, parent: Row | undefined, ctx: z.RefinementCtx, at: (string | number)[]) => void)[] {
  return Object.entries(fields)
    .filter(([, field]) => field.kind === "money" && field.currencyField !== undefined)
    .map(([name, field]) => {
      const currencyField = field.currencyField as string;
      const onParent = fromParent && !(currencyField in fields);
      return (row, parent, ctx, at) => {
        if (row[name] != null && (onParent ? parent : row)?.[currencyField] == null)
          report(ctx, [...at, name], `needs a currency: set ${currencyField}`);
      };
    });
}

/**
 * One function that applies a record type's rules, its money-needs-currency checks, and the
 * uniqueness of line keys (`line_number`), built once so a large batch pays only for what the
 * type declares.
 */
export function compileChecks(
  fields: Fields,
  children: Record<string, { fields: Fields; key: string | undefined }>,
  rules: readonly Rule[],
): (row: Row, ctx: z.RefinementCtx) => void {
  const checks = rules.map((rule) => ruleCheck(fields, rule));
  const money = moneyChecks(fields, false);
  const lines = Object.entries(children).map(([name, collection]) => ({
    name,
    key: collection.key,
    money: moneyChecks(collection.fields, true),
  }));
  return (row, ctx) => {
    for (const check of checks) check(row, ctx);
    for (const check of money) check(row, undefined, ctx, []);
    for (const { name, key, money: lineMoney } of lines) {
      const items = row[name];
      if (!Array.isArray(items) || items.length === 0) continue;
      const seen = key ? new Map<unknown, number>() : undefined;
      for (let index = 0; index < items.length; index++) {
        const line = items[index] as Row;
        for (const check of lineMoney) check(line, row, ctx, [name, index]);
        if (!seen || !key) continue;
        const first = seen.get(line[key]);
        if (first === undefined) seen.set(line[key], index);
        else report(ctx, [name, index, key], `repeats ${name}.${first}.${key}`);
      }
    }
  };
}
