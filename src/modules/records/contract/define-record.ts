import { z } from "zod";
import { EXTERNAL_ID_MAX, type Fields, REFUSED } from "./fields.ts";
import { buildListQuery, type ListParam, listParams } from "./list-query.ts";
import { compileQuickInput, type QuickInput } from "./quick-input.ts";
import { compileChecks, type Rule } from "./rules.ts";
import { hasNul, NO_NUL, sortKeys } from "./values.ts";

/** Extra fields an ERP export carries that the canonical model does not name. */
const Attributes = z
  .record(z.string().max(100), z.unknown())
  .refine((value) => Object.keys(value).length <= 200, "must have at most 200 keys")
  .refine((value) => !hasNul(value), NO_NUL)
  .describe("Free-form fields from the source system that the canonical model does not name.");
// Keys sorted, so equal attributes serialise equally whatever order they arrived in.
const AttributesInput = Attributes.transform(sortKeys).default({});
const AttributesOutput = z.record(z.string(), z.unknown());

const SOURCE_SYSTEM = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const SOURCE_SYSTEM_MAX = 64;
export const SourceSystem = z
  .string()
  .min(1, "must not be empty")
  .max(SOURCE_SYSTEM_MAX)
  .regex(SOURCE_SYSTEM, 'must be letters, digits and _ . : - (e.g. "netsuite", "sap-ecc")')
  .describe("The system the record comes from; with external_id, what makes the record unique.");
export const ExternalId = z
  .string()
  .min(1, "must not be empty")
  .max(EXTERNAL_ID_MAX)
  .refine((value) => !hasNul(value), NO_NUL)
  .describe("The record's id in its source system.");

type InputShape<F extends Fields> = { [K in keyof F]: F[K]["input"] };
type OutputShape<F extends Fields> = { [K in keyof F]: F[K]["output"] };
type Flatten<T> = { [K in keyof T]: T[K] };

/** A collection of lines under a record (order lines, tracking events, unit conversions). */
export type ChildCollection<F extends Fields = Fields> = {
  fields: F;
  /** A field whose value must be unique among the lines of one record, e.g. `line_number`. */
  key: (keyof F & string) | undefined;
  max: number;
  description: string;
  input: z.ZodObject<Flatten<InputShape<F> & { attributes: typeof AttributesInput }>, z.core.$strict>;
  output: z.ZodObject<Flatten<OutputShape<F> & { attributes: typeof AttributesOutput }>>;
};

export function defineChildren<const F extends Fields>(definition: {
  fields: F;
  key?: keyof F & string;
  max: number;
  description: string;
}): ChildCollection<F> {
  const inputShape = mapShape(definition.fields, "input");
  const outputShape = mapShape(definition.fields, "output");
  return {
    fields: definition.fields,
    key: definition.key,
    max: definition.max,
    description: definition.description,
    input: z.strictObject({ ...inputShape, attributes: AttributesInput }) as ChildCollection<F>["input"],
    output: z.object({ ...outputShape, attributes: AttributesOutput }) as ChildCollection<F>["output"],
  };
}

/** Any child collection, whatever its fields (ChildCollection<F> is invariant in F). */
type AnyChildCollection = Omit<ChildCollection, "input" | "output"> & { input: z.ZodType; output: z.ZodType };
type Collections = Record<string, AnyChildCollection>;

type ChildInputs<C extends Collections> = { [K in keyof C]: z.ZodDefault<z.ZodArray<C[K]["input"]>> };
type ChildOutputs<C extends Collections> = { [K in keyof C]: z.ZodOptional<z.ZodArray<C[K]["output"]>> };

const BaseInput = { source_system: SourceSystem, external_id: ExternalId };
const QuickBase = {
  source_system: (value: unknown) =>
    typeof value === "string" && value.length <= SOURCE_SYSTEM_MAX && SOURCE_SYSTEM.test(value) ? value : REFUSED,
  external_id: (value: unknown) =>
    typeof value === "string" && value.length >= 1 && value.length <= EXTERNAL_ID_MAX && !hasNul(value) ? value : REFUSED,
};
const BaseOutput = {
  id: z.string().describe("Crossdock's id for the record, prefixed by its type."),
  source_system: z.string(),
  external_id: z.string(),
  version: z.number().int().describe("1 when first stored; increases by one with every upsert that changes the record."),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
};

export type RecordDefinition<Name extends string, F extends Fields, C extends Collections> = {
  /** snake_case, singular: `sales_order`. Events are `records.<name>.upserted`. */
  name: Name;
  /** snake_case, plural: `sales_orders`; also the table name in schema `records`. */
  plural: string;
  /** The plural as a URL segment: `sales-orders`. */
  path: string;
  /** The id prefix: `so` gives `so_01j…`. */
  prefix: string;
  title: string;
  description: string;
  fields: F;
  children: C;
  rules: readonly Rule[];
};

export type RecordType<
  Name extends string = string,
  F extends Fields = Fields,
  C extends Collections = Collections,
> = RecordDefinition<Name, F, C> & {
  /** Validates and normalises one record for an upsert: strict, unknown fields are refused. */
  input: z.ZodObject<
    Flatten<typeof BaseInput & InputShape<F> & { attributes: typeof AttributesInput } & ChildInputs<C>>,
    z.core.$strict
  >;
  /** `input` without zod, for the rows it takes; see quick-input.ts and parseRecordInput. */
  quickInput: QuickInput;
  /** A stored record as reads return it. Lines are present on get, and on list with `include`. */
  output: z.ZodObject<Flatten<typeof BaseOutput & OutputShape<F> & { attributes: typeof AttributesOutput } & ChildOutputs<C>>>;
  /** List query parameters, as strings from a URL; see list-query.ts. */
  listQuery: z.ZodObject<Record<string, z.ZodType>, z.core.$strict>;
  listParams: readonly ListParam[];
  /** Fields a list may be sorted by, including `id`, `external_id`, `created_at`, `updated_at`. */
  sortable: readonly string[];
};

function mapShape(fields: Fields, side: "input" | "output"): Record<string, z.ZodType> {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field[side]]));
}

/** Derives a record type's schemas from its declaration. */
export function defineRecord<
  const Name extends string,
  const F extends Fields,
  const C extends Collections = Record<never, never>,
>(
  definition: Omit<RecordDefinition<Name, F, C>, "children" | "rules" | "path"> & { children?: C; rules?: readonly Rule[] },
): RecordType<Name, F, C> {
  const children = (definition.children ?? {}) as C;
  const rules = definition.rules ?? [];
  const childInputs = Object.fromEntries(
    Object.entries(children).map(([name, collection]) => [
      name,
      z.array(collection.input).max(collection.max).default([]).describe(collection.description),
    ]),
  );
  const childOutputs = Object.fromEntries(
    Object.entries(children).map(([name, collection]) => [
      name,
      z.array(collection.output).optional().describe(collection.description),
    ]),
  );
  const checks = compileChecks(definition.fields, children, rules);
  const input = z
    .strictObject({ ...BaseInput, ...mapShape(definition.fields, "input"), attributes: AttributesInput, ...childInputs })
    .superRefine(checks)
    .describe(definition.description);
  const output = z
    .object({ ...BaseOutput, ...mapShape(definition.fields, "output"), attributes: AttributesOutput, ...childOutputs })
    .describe(definition.description);
  const params = listParams(definition.fields);
  const sortable = [
    "id",
    "external_id",
    "created_at",
    "updated_at",
    ...Object.keys(definition.fields).filter((name) => definition.fields[name]?.sort),
  ];
  return {
    ...definition,
    path: definition.plural.replaceAll("_", "-"),
    children,
    rules,
    input: input as unknown as RecordType<Name, F, C>["input"],
    quickInput: compileQuickInput({ base: QuickBase, fields: definition.fields, children, checks }),
    output: output as unknown as RecordType<Name, F, C>["output"],
    listParams: params,
    listQuery: buildListQuery(params, sortable, Object.keys(children)),
    sortable,
  };
}

/**
 * One record's input, parsed as `type.input.safeParse` would: quickly for a valid row, and by zod
 * for any other, so a refused row gets zod's issues.
 */
export function parseRecordInput<S extends z.ZodType>(
  type: { input: S; quickInput: QuickInput },
  row: unknown,
  params?: { reportInput?: boolean },
): z.ZodSafeParseResult<z.output<S>> {
  const quick = type.quickInput(row);
  if (quick !== undefined) return { success: true, data: quick as z.output<S> };
  return type.input.safeParse(row, params);
}
