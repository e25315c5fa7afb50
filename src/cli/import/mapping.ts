import { readFile } from "node:fs/promises";
import { z } from "zod";
import { compileDateFormat } from "./parse-date.ts";
import { isDecimalConstant } from "./parse-number.ts";

/**
 * A mapping file says how the columns of an export become the fields of a record type. Its format
 * is documented in README.md beside this file; this schema is the authority, and a mapping that
 * does not follow it is refused with the JSON path of each problem.
 */

const JsonValue: z.ZodType<unknown> = z.json();

const OPTIONS = [
  "column",
  "constant",
  "default",
  "trim",
  "values",
  "ignore_case",
  "unmapped",
  "number",
  "decimal_comma",
  "factor",
  "round",
  "date",
  "utc_offset",
] as const;

const FieldOptions = z
  .strictObject(
    {
      column: z.string().min(1, "must name a column").optional(),
      constant: JsonValue.optional(),
      default: JsonValue.optional(),
      trim: z.boolean().optional(),
      values: z.record(z.string(), JsonValue).optional(),
      ignore_case: z.boolean().optional(),
      unmapped: z.enum(["reject", "keep", "empty"]).optional(),
      number: z.boolean().optional(),
      decimal_comma: z.boolean().optional(),
      factor: z
        .union([z.number(), z.string()], { error: 'must be a number, e.g. 0.001 or "0.45359237"' })
        .refine((value) => isDecimalConstant(value) && Number(value) !== 0, "must be a non-zero decimal number, e.g. 0.001")
        .optional(),
      round: z.int("must be a whole number of decimal places").min(0).max(12).optional(),
      date: z.string().optional(),
      utc_offset: z
        .string()
        .regex(/^(Z|[+-](0\d|1[0-4]):[0-5]\d)$/, 'must be Z or an offset written ±hh:mm, e.g. "+02:00"')
        .optional(),
    },
    { error: (issue) => (issue.code === "invalid_type" ? "must be a column name or an object of options" : undefined) },
  )
  .superRefine((spec, ctx) => {
    const fail = (message: string, path: string[] = []) => ctx.addIssue({ code: "custom", message, path });
    const numeric =
      spec.number === true || spec.decimal_comma !== undefined || spec.factor !== undefined || spec.round !== undefined;
    if (spec.column !== undefined && spec.constant !== undefined) fail("takes a column or a constant, not both");
    if (spec.column === undefined && spec.constant === undefined) fail("needs a column (or a constant)");
    if (spec.constant !== undefined) {
      const others = Object.keys(spec).filter((key) => key !== "constant");
      if (others.length > 0) fail(`a constant takes no other options (found ${others.join(", ")})`);
    }
    if (spec.number === false && numeric) fail("number is false but number options are set");
    if (numeric && spec.date !== undefined) fail("cannot be both a number and a date");
    if (spec.ignore_case !== undefined && spec.values === undefined)
      fail("ignore_case applies to values: add a values map", ["ignore_case"]);
    if (spec.unmapped !== undefined && spec.values === undefined)
      fail("unmapped applies to values: add a values map", ["unmapped"]);
    if (spec.date !== undefined) {
      const format = compileDateFormat(spec.date);
      if (!format.ok) fail(format.message, ["date"]);
      else if (format.value.hasTime && spec.utc_offset === undefined)
        fail('a format with a time needs utc_offset, e.g. "+01:00" or "Z"', ["utc_offset"]);
    }
    if (spec.utc_offset !== undefined && spec.date === undefined)
      fail("utc_offset applies to date: add a date format", ["utc_offset"]);
  });

export type FieldOptions = z.infer<typeof FieldOptions>;

/** A field is mapped from a column (its name, for short) or by an object of options. */
const FieldSpec = z.preprocess((value) => (typeof value === "string" ? { column: value } : value), FieldOptions);

const TargetName = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[A-Za-z0-9_][A-Za-z0-9_ .-]*)?$/, "must be a field name such as sku, or attributes.<key>");
const FieldMap = z.record(TargetName, FieldSpec);

export const Mapping = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().optional(),
    csv: z
      .strictObject({
        delimiter: z.enum([",", ";", "\t", "|"], { error: "must be one of , ; | or a tab" }).optional(),
        encoding: z.enum(["utf8", "latin1"], { error: "must be utf8 or latin1" }).optional(),
      })
      .optional(),
    trim: z.boolean().default(true),
    decimal_comma: z.boolean().default(false),
    date_format: z.string().optional(),
    unmapped_columns: z.enum(["ignore", "attributes"], { error: "must be ignore or attributes" }).default("ignore"),
    fields: FieldMap,
    children: z
      .record(z.string().regex(/^[a-z][a-z0-9_]*$/, "must be a child collection name such as lines"), FieldMap)
      .refine(
        (children) => Object.keys(children).length <= 1,
        "map one child collection per file: each row becomes one of its entries",
      )
      .optional(),
  })
  .superRefine((mapping, ctx) => {
    if (mapping.date_format !== undefined) {
      const format = compileDateFormat(mapping.date_format);
      if (!format.ok) ctx.addIssue({ code: "custom", message: format.message, path: ["date_format"] });
      else if (format.value.hasTime)
        ctx.addIssue({
          code: "custom",
          message: "the default date_format is for dates: give a time format per field, with utc_offset",
          path: ["date_format"],
        });
    }
  });

export type Mapping = z.infer<typeof Mapping>;

/** One problem with a mapping (or with how it meets the file and the record type). */
export type MappingProblem = { path: string; message: string };

/** `["fields", "Unit Price", "factor"]` → `fields["Unit Price"].factor`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else if (typeof part === "string" && /^[A-Za-z_$][\w$]*$/.test(part)) text += text ? `.${part}` : part;
    else text += `[${JSON.stringify(String(part))}]`;
  }
  return text || "(the mapping)";
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    const known =
      issue.path.length === 0 ? "csv, trim, decimal_comma, date_format, unmapped_columns, fields, children" : undefined;
    const isField = issue.path[0] === "fields" || issue.path[0] === "children";
    const list = known ?? (isField ? OPTIONS.join(", ") : undefined);
    return `unknown option${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `"${key}"`).join(", ")}${list ? ` (known: ${list})` : ""}`;
  }
  if (issue.code === "invalid_key") return issue.issues.map((inner) => inner.message).join("; ");
  return issue.message.replace(/^Invalid input: /, "");
}

/** Validates a parsed mapping document. */
export function parseMapping(document: unknown): { ok: true; value: Mapping } | { ok: false; problems: MappingProblem[] } {
  const result = Mapping.safeParse(document);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: describe(issue) })) };
}

/** `fields.sku: the file has no column "Item No" (…)`; a problem of the whole input has no path. */
export function describeProblem(problem: MappingProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/** Raised before anything is sent: a mapping, a file or a record type that cannot work together. */
export class ImportSetupError extends Error {
  constructor(
    readonly source: string,
    readonly problems: MappingProblem[],
  ) {
    super(`${source}: ${problems.map(describeProblem).join("; ")}`);
  }
}

/** Reads and validates a mapping file. */
export async function loadMapping(file: string): Promise<Mapping> {
  const text = await readFile(file, "utf8");
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ImportSetupError(file, [{ path: "(the mapping)", message: `is not valid JSON: ${(error as Error).message}` }]);
  }
  const parsed = parseMapping(document);
  if (!parsed.ok) throw new ImportSetupError(file, parsed.problems);
  return parsed.value;
}
