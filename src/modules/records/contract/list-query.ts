import { z } from "zod";
import type { FieldKind, Fields } from "./fields.ts";
import { isCalendarDate, type Normalised, normaliseCurrency, normaliseDecimal, normaliseTimestamp } from "./values.ts";

/**
 * One filter a list accepts, as a URL query parameter. Derived from the fields marked
 * `filter` or `search`, plus the filters every record has:
 * - `source_system`, `external_id`; `updated_after`/`updated_before`, `created_after`/`created_before`
 * - text, ref, currency, boolean: `<field>=value`; enum: `<field>=a,b` (any of)
 * - integer, decimal, money: `<field>`, `<field>_min`, `<field>_max`
 * - date: `<field>`, `<field>_from`, `<field>_to`; timestamp: `<field>_from`, `<field>_to` (inclusive)
 * - `q`: case-insensitive prefix of any searchable field (codes, names, numbers)
 */
export type ListParam = {
  name: string;
  /** Columns the parameter compares; several only for `q`. */
  columns: readonly string[];
  kind: FieldKind;
  op: "eq" | "in" | "gte" | "lte" | "gt" | "lt" | "prefix";
  values?: readonly string[] | undefined;
  maxLength?: number | undefined;
};

export const LIST_LIMIT = { default: 50, max: 1000 } as const;

function rangeParams(name: string, kind: FieldKind, suffixes: [string, string]): ListParam[] {
  return [
    { name: `${name}${suffixes[0]}`, columns: [name], kind, op: "gte" },
    { name: `${name}${suffixes[1]}`, columns: [name], kind, op: "lte" },
  ];
}

export function listParams(fields: Fields): ListParam[] {
  const params: ListParam[] = [
    { name: "source_system", columns: ["source_system"], kind: "text", op: "eq", maxLength: 64 },
    { name: "external_id", columns: ["external_id"], kind: "text", op: "eq", maxLength: 200 },
    { name: "updated_after", columns: ["updated_at"], kind: "timestamp", op: "gt" },
    { name: "updated_before", columns: ["updated_at"], kind: "timestamp", op: "lt" },
    { name: "created_after", columns: ["created_at"], kind: "timestamp", op: "gt" },
    { name: "created_before", columns: ["created_at"], kind: "timestamp", op: "lt" },
  ];
  for (const [name, field] of Object.entries(fields)) {
    if (!field.filter) continue;
    switch (field.kind) {
      case "enum":
        params.push({ name, columns: [name], kind: field.kind, op: "in", values: field.values });
        break;
      case "integer":
      case "decimal":
      case "money":
        params.push({ name, columns: [name], kind: field.kind, op: "eq" }, ...rangeParams(name, field.kind, ["_min", "_max"]));
        break;
      case "date":
        params.push({ name, columns: [name], kind: field.kind, op: "eq" }, ...rangeParams(name, field.kind, ["_from", "_to"]));
        break;
      case "timestamp":
        params.push(...rangeParams(name, field.kind, ["_from", "_to"]));
        break;
      default:
        params.push({ name, columns: [name], kind: field.kind, op: "eq", maxLength: field.maxLength });
    }
  }
  const searchable = Object.keys(fields).filter((name) => fields[name]?.search);
  if (searchable.length > 0) params.push({ name: "q", columns: searchable, kind: "text", op: "prefix", maxLength: 200 });
  return params;
}

/** The typed value a filter compares with, or why the text is not one. */
export function parseFilterValue(param: ListParam, text: string): Normalised<string | number | boolean | string[]> {
  switch (param.kind) {
    case "enum": {
      const values = text.split(",").map((value) => value.trim());
      const unknown = values.find((value) => !param.values?.includes(value));
      return unknown === undefined
        ? { ok: true, value: values }
        : { ok: false, message: `"${unknown}" is not one of ${param.values?.join(", ")}` };
    }
    case "integer":
      return /^[+-]?\d{1,10}$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, message: "must be a whole number" };
    case "decimal":
    case "money":
      return normaliseDecimal(text, 12);
    case "currency":
      return normaliseCurrency(text);
    case "boolean":
      return text === "true" || text === "false"
        ? { ok: true, value: text === "true" }
        : { ok: false, message: "must be true or false" };
    case "date":
      return isCalendarDate(text) ? { ok: true, value: text } : { ok: false, message: "must be a date written YYYY-MM-DD" };
    case "timestamp":
      // A bare date means its first instant, in UTC.
      return isCalendarDate(text) ? { ok: true, value: `${text}T00:00:00.000Z` } : normaliseTimestamp(text);
    default:
      if (text.length === 0) return { ok: false, message: "must not be empty" };
      if (param.maxLength !== undefined && text.length > param.maxLength)
        return { ok: false, message: `must be at most ${param.maxLength} characters` };
      return { ok: true, value: text };
  }
}

function describeParam(param: ListParam): string {
  const target = param.columns.join(", ");
  switch (param.op) {
    case "in":
      return `${target} is any of these (comma-separated): ${param.values?.join(", ")}`;
    case "prefix":
      return `case-insensitive prefix of ${target}`;
    case "gte":
      return `${target} at or after / at least this value`;
    case "lte":
      return `${target} at or before / at most this value`;
    case "gt":
      return `${target} after this instant (ISO 8601, or a date)`;
    case "lt":
      return `${target} before this instant (ISO 8601, or a date)`;
    default:
      return `${target} equals this value`;
  }
}

/**
 * The list query's schema: every parameter a string, as a URL gives it (limit also a number),
 * validated but left as text, so a query that passed once passes again unchanged.
 */
export function buildListQuery(
  params: readonly ListParam[],
  sortable: readonly string[],
  children: readonly string[],
): z.ZodObject<Record<string, z.ZodType>, z.core.$strict> {
  const shape: Record<string, z.ZodType> = {
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(LIST_LIMIT.max)
      .default(LIST_LIMIT.default)
      .describe(`Records per page, 1 to ${LIST_LIMIT.max}.`),
    cursor: z.string().max(2000).optional().describe("next_cursor from the previous page."),
    sort: z
      .enum([...sortable, ...sortable.map((name) => `-${name}`)] as [string, ...string[]])
      .optional()
      .describe("A field to sort by; `-` before it sorts descending. Default: id (creation order)."),
    total: z
      .enum(["true", "false"])
      .optional()
      .describe("`true`: the response also has `total`, how many records match the filters (whatever the cursor)."),
  };
  if (children.length > 0) {
    shape.include = z
      .string()
      .refine(
        (text) => text.split(",").every((name) => children.includes(name.trim())),
        `must be any of ${children.join(", ")}, comma-separated`,
      )
      .optional()
      .describe(`Lines to include with each record: ${children.join(", ")} (comma-separated).`);
  }
  for (const param of params) {
    shape[param.name] = z
      .string()
      .superRefine((text, ctx) => {
        const parsed = parseFilterValue(param, text);
        if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
      })
      .optional()
      .describe(describeParam(param));
  }
  return z.strictObject(shape);
}
