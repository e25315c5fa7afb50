import { z } from "zod";
import { RECORD_TYPE_NAMES, type RecordTypeName, SourceSystem } from "../../../records/contract/index.ts";
import { MAPPING_LIMITS as LIMITS } from "./limits.ts";

/**
 * The stored, user-editable mapping: how one payload (a webhook's JSON, a CSV row, an EDI read)
 * becomes canonical records. Plain JSON, so it is saved with a source and edited in the console.
 * This schema checks its shape; compileMapping checks it against the records contract (field
 * names, enum values, units, date formats) and reports each problem at its place in the spec.
 * The format is documented in ../README.md.
 */

export type Scalar = string | number | boolean | null;
export type JsonValue = Scalar | JsonValue[] | { [key: string]: JsonValue };

/** A test on the payload: `{ path, equals | in | exists }`, or `all`, `any`, `not` of tests. */
export type ConditionSpec = {
  path?: string;
  equals?: Scalar;
  in?: Scalar[];
  exists?: boolean;
  all?: ConditionSpec[];
  any?: ConditionSpec[];
  not?: ConditionSpec;
};

export type ValueMapSpec = {
  /** Payload value (as text) → value written. A value of null writes nothing (the field is missing). */
  values: Record<string, JsonValue>;
  /** Written when the payload value is not in `values`; without it, an unmapped value is a problem. */
  fallback?: JsonValue;
  /** Look payload values up ignoring case (and surrounding spaces). */
  ignore_case?: boolean;
};

export type DatetimeSpec = {
  /** `iso`, `epoch_seconds`, `epoch_millis`, or a pattern such as `YYYYMMDD` or `MM/DD/YYYY HH:mm`. */
  format: string;
  /** The zone of times written without an offset, and of dates taken from instants: `UTC`, `-05:00`, `America/Chicago`. */
  timezone?: string;
};

export type UnitSpec = { from: string; to: string };

/** Where a value comes from (exactly one source), what is done to it, and what happens when it is missing. */
export type ValueObjectSpec = {
  path?: string;
  const?: JsonValue;
  template?: string;
  join?: ValueSpec[];
  separator?: string;
  first?: ValueSpec[];
  position?: number;
  when?: ConditionSpec;
  trim?: boolean;
  case?: "upper" | "lower";
  map?: ValueMapSpec;
  datetime?: DatetimeSpec;
  multiply?: string | number;
  divide?: string | number;
  unit?: UnitSpec;
  round?: number;
  default?: JsonValue;
  required?: boolean;
};

/** A value: a path as a bare string (`"customer.id"`), or an object. */
export type ValueSpec = string | ValueObjectSpec;

export type FieldsSpec = Record<string, ValueSpec>;

export type CollectionSpec = {
  each: string;
  when?: ConditionSpec;
  required?: boolean;
  fields: FieldsSpec;
  attributes?: FieldsSpec;
};

export type RecordTemplateSpec = {
  type: RecordTypeName;
  name?: string;
  when?: ConditionSpec;
  each?: string;
  /**
   * Merge into the record already stored rather than replace it: fields this payload leaves empty
   * keep their stored values, and its lines are added to the stored ones (a line equal to a stored
   * one is not added again). For feeds that send one event at a time, such as carrier tracking.
   */
  merge?: boolean;
  fields: FieldsSpec;
  attributes?: FieldsSpec;
  collections?: Record<string, CollectionSpec>;
};

export type MappingSpecShape = {
  version: 1;
  description?: string;
  source_system?: string;
  unmatched?: "problem" | "ignore";
  records: RecordTemplateSpec[];
};

/** The keys of a value object that say where its value comes from; a value has exactly one. */
export const VALUE_SOURCES = ["path", "const", "template", "join", "first", "position"] as const;
const CONDITION_TESTS = ["equals", "in", "exists"] as const;
const CONDITION_GROUPS = ["all", "any", "not"] as const;

const Path = z
  .string()
  .min(1, "must not be empty")
  .max(LIMITS.pathLength, `must be at most ${LIMITS.pathLength} characters`)
  .describe('A path into the payload: `customer.id`, `line_items[0].sku`, `lines[*]`, `$.currency`, `^.id`, `["Order No"]`.');

const ScalarSchema = z.union([z.string().max(1_000), z.number(), z.boolean(), z.null()]);

const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValueSchema), z.record(z.string(), JsonValueSchema)]),
);

const DecimalText = z
  .union([z.string().max(40), z.number()], { error: 'must be a decimal number, as a string ("0.45359237") or a number' })
  .describe("An exact decimal factor.");

function present(value: object, keys: readonly string[]): string[] {
  return keys.filter((key) => Object.hasOwn(value, key));
}

function list(keys: readonly string[]): string {
  return keys.join(", ");
}

const Condition: z.ZodType<ConditionSpec> = z.lazy(() =>
  z
    .strictObject({
      path: Path.optional(),
      equals: ScalarSchema.optional(),
      in: z.array(ScalarSchema).min(1).max(LIMITS.mapEntries).optional(),
      exists: z.boolean().optional(),
      all: z.array(Condition).min(1).max(LIMITS.listItems).optional(),
      any: z.array(Condition).min(1).max(LIMITS.listItems).optional(),
      not: Condition.optional(),
    })
    .superRefine((condition, ctx) => {
      const tests = present(condition, CONDITION_TESTS);
      const groups = present(condition, CONDITION_GROUPS);
      if (groups.length > 0) {
        if (groups.length > 1 || tests.length > 0 || condition.path !== undefined)
          ctx.addIssue({
            code: "custom",
            message: `a condition is either a test (path with one of ${list(CONDITION_TESTS)}) or one of ${list(CONDITION_GROUPS)}, not both (found ${list([...groups, ...tests, ...(condition.path !== undefined ? ["path"] : [])])})`,
          });
        return;
      }
      if (condition.path === undefined)
        ctx.addIssue({
          code: "custom",
          message: `needs a path and one of ${list(CONDITION_TESTS)}, or one of ${list(CONDITION_GROUPS)}`,
        });
      if (tests.length !== 1)
        ctx.addIssue({
          code: "custom",
          message: `needs exactly one of ${list(CONDITION_TESTS)}${tests.length > 1 ? ` (found ${list(tests)})` : ""}`,
        });
    }),
);

const ValueMap = z.strictObject({
  values: z
    .record(z.string().max(200), JsonValueSchema)
    .refine((values) => Object.keys(values).length <= LIMITS.mapEntries, `must have at most ${LIMITS.mapEntries} entries`),
  fallback: JsonValueSchema.optional(),
  ignore_case: z.boolean().optional(),
});

const Datetime = z.strictObject({
  format: z.string().min(1, "must not be empty").max(64),
  timezone: z.string().min(1, "must not be empty").max(64).optional(),
});

const Unit = z.strictObject({ from: z.string().min(1).max(16), to: z.string().min(1).max(16) });

const ValueObject: z.ZodType<ValueObjectSpec> = z.lazy(() =>
  z
    .strictObject({
      path: Path.optional(),
      const: JsonValueSchema.optional(),
      template: z.string().min(1, "must not be empty").max(LIMITS.templateLength).optional(),
      join: z.array(Value).min(1).max(LIMITS.listItems).optional(),
      separator: z.string().max(20).optional(),
      first: z.array(Value).min(1).max(LIMITS.listItems).optional(),
      position: z.number().int().min(0).max(1_000_000).optional(),
      when: Condition.optional(),
      trim: z.boolean().optional(),
      case: z.enum(["upper", "lower"]).optional(),
      map: ValueMap.optional(),
      datetime: Datetime.optional(),
      multiply: DecimalText.optional(),
      divide: DecimalText.optional(),
      unit: Unit.optional(),
      round: z.number().int().min(0).max(12).optional(),
      default: JsonValueSchema.optional(),
      required: z.boolean().optional(),
    })
    .superRefine((value, ctx) => {
      const sources = present(value, VALUE_SOURCES);
      if (sources.length !== 1)
        ctx.addIssue({
          code: "custom",
          message: `needs exactly one of ${list(VALUE_SOURCES)}${sources.length > 1 ? ` (found ${list(sources)})` : ""}`,
        });
      if (value.separator !== undefined && value.join === undefined)
        ctx.addIssue({ code: "custom", path: ["separator"], message: "goes with join" });
    }),
);

const Value: z.ZodType<ValueSpec> = z.lazy(() => z.union([Path, ValueObject]));

const Fields = z
  .record(z.string().min(1).max(100), Value)
  .refine((fields) => Object.keys(fields).length <= LIMITS.fields, `must have at most ${LIMITS.fields} entries`);

const Collection = z.strictObject({
  each: Path,
  when: Condition.optional(),
  required: z.boolean().optional(),
  fields: Fields,
  attributes: Fields.optional(),
});

const RecordTypeNameSchema = z.enum(RECORD_TYPE_NAMES as [RecordTypeName, ...RecordTypeName[]]);

const RecordTemplate = z.strictObject({
  type: RecordTypeNameSchema,
  name: z.string().max(100).optional(),
  when: Condition.optional(),
  each: Path.optional(),
  merge: z.boolean().optional(),
  fields: Fields,
  attributes: Fields.optional(),
  collections: z
    .record(z.string().max(64), Collection)
    .refine((collections) => Object.keys(collections).length <= LIMITS.collections, `must have at most ${LIMITS.collections}`)
    .optional(),
});

export const MappingSpec: z.ZodType<MappingSpecShape> = z.strictObject({
  version: z.literal(1, { error: "must be 1 (the version of this mapping format)" }),
  description: z.string().max(2_000).optional(),
  source_system: SourceSystem.optional(),
  unmatched: z.enum(["problem", "ignore"]).optional(),
  records: z.array(RecordTemplate).min(1, "must hold at least one record template").max(LIMITS.templates),
});
export type MappingSpec = z.infer<typeof MappingSpec>;
