import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RECORD_TYPE_NAMES, recordTypes } from "../../records/index.ts";
import { applyMapping } from "./apply-mapping.ts";
import { compileMapping } from "./compile-mapping.ts";
import { parsePath } from "./path.ts";
import { READY_MAPPINGS } from "./ready/index.ts";

/** Each call must come back, and soon: generous for a slow machine, far below "hangs". */
const SLOW_MS = 5_000;

function timed<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(SLOW_MS);
  return result;
}

function wellFormed(result: { problems: { path: string; message: string }[] }) {
  for (const problem of result.problems) {
    expect(typeof problem.path).toBe("string");
    expect(typeof problem.message).toBe("string");
    expect(problem.message.length).toBeGreaterThan(0);
  }
}

const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

const path = fc.oneof(
  fc.constantFrom("id", "a.b", "lines[*]", "lines[0].sku", "lines[-1]", "$.x", "^.y", '["k k"]', "$", "^", "a[*].b[*]", "x.y.z"),
  fc.string({ maxLength: 24 }),
);

const { condition } = fc.letrec((tie) => ({
  condition: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ path, equals: scalar }),
    fc.record({ path, exists: fc.boolean() }),
    fc.record({ path, in: fc.array(scalar, { minLength: 1, maxLength: 3 }) }),
    fc.record({ all: fc.array(tie("condition"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie("condition"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie("condition") }),
  ),
}));

const steps = {
  when: condition,
  trim: fc.boolean(),
  case: fc.constantFrom("upper", "lower"),
  map: fc.record(
    { values: fc.dictionary(fc.string({ maxLength: 6 }), scalar, { maxKeys: 4 }), fallback: scalar, ignore_case: fc.boolean() },
    { requiredKeys: ["values"] },
  ),
  datetime: fc.record(
    {
      format: fc.constantFrom(
        "iso",
        "epoch_seconds",
        "epoch_millis",
        "YYYYMMDD",
        "M/D/YY HH:mm",
        "YYYY-MM-DDTHH:mm:ssZ",
        "nonsense",
      ),
      timezone: fc.constantFrom("UTC", "-05:00", "America/Chicago", "Nowhere/Special"),
    },
    { requiredKeys: ["format"] },
  ),
  multiply: fc.oneof(fc.integer(), fc.constantFrom("0.45359237", "1e3", "x", "0")),
  divide: fc.oneof(fc.integer(), fc.constantFrom("100", "0", "3")),
  unit: fc.record({ from: fc.constantFrom("LB", "kg", "m", "gal", "XX"), to: fc.constantFrom("KG", "oz", "ft", "l", "EA") }),
  round: fc.integer({ min: 0, max: 12 }),
  default: scalar,
  required: fc.boolean(),
};

const { value } = fc.letrec((tie) => {
  const withSource = (source: Record<string, fc.Arbitrary<unknown>>) =>
    fc.record({ ...source, ...steps }, { requiredKeys: Object.keys(source) as never[] });
  return {
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      path,
      withSource({ path }),
      withSource({ const: scalar }),
      withSource({
        template: fc.oneof(fc.constantFrom("{id}-{a.b}", "{{x}}", "{", "}", "{lines[*]}"), fc.string({ maxLength: 20 })),
      }),
      withSource({ join: fc.array(tie("value"), { minLength: 1, maxLength: 3 }), separator: fc.string({ maxLength: 2 }) }),
      withSource({ first: fc.array(tie("value"), { minLength: 1, maxLength: 3 }) }),
      withSource({ position: fc.integer({ min: 0, max: 10 }) }),
    ),
  };
});

/** Mostly a plain path, so that random specs compile often enough to be applied. */
const simple = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("id", "a.b", "x", "lines[0].sku", "$.y", '["k k"]') },
  { weight: 1, arbitrary: value },
);

/** A template for a real record type: its required fields always mapped (so some specs compile), others at random. */
const template = fc.constantFrom(...RECORD_TYPE_NAMES).chain((type) => {
  const record = recordTypes[type];
  const fields = Object.entries(record.fields as Record<string, { required: boolean }>);
  const required = ["external_id", ...fields.filter(([, field]) => field.required).map(([name]) => name)];
  const optional = fields.filter(([, field]) => !field.required).map(([name]) => name);
  const collections = Object.entries(record.children as Record<string, { fields: Record<string, { required: boolean }> }>);
  return fc.record(
    {
      type: fc.constant(type),
      fields: fc
        .tuple(
          fc.tuple(...required.map(() => simple)),
          optional.length > 0 ? fc.dictionary(fc.constantFrom(...optional), simple, { maxKeys: 3 }) : fc.constant({}),
        )
        .map(([values, extra]) => ({ ...extra, ...Object.fromEntries(required.map((name, index) => [name, values[index]])) })),
      when: condition,
      each: fc.constantFrom("lines[*]", "a", "$", "x[*].y"),
      attributes: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), simple, { maxKeys: 3 }),
      collections: fc.constant(
        Object.fromEntries(
          collections.map(([name, collection]) => [
            name,
            {
              each: `${name}[*]`,
              fields: Object.fromEntries(
                Object.entries(collection.fields)
                  .filter(([, field]) => field.required)
                  .map(([field]) => [field, field]),
              ),
            },
          ]),
        ),
      ),
    },
    { requiredKeys: ["type", "fields"] },
  );
});

const spec = fc.oneof(
  // Any envelope: mostly refused.
  fc.record(
    {
      version: fc.oneof(fc.constant(1), scalar),
      source_system: fc.string({ maxLength: 10 }),
      unmatched: fc.constantFrom("problem", "ignore", "other"),
      records: fc.array(template, { minLength: 0, maxLength: 2 }),
    },
    { requiredKeys: ["version", "records"] },
  ),
  // A good envelope around random templates: often compiled, then applied.
  {
    weight: 4,
    arbitrary: fc.record({
      version: fc.constant(1),
      source_system: fc.constant("test"),
      unmatched: fc.constantFrom("problem", "ignore"),
      records: fc.array(template, { minLength: 1, maxLength: 2 }),
    }),
  },
);

const payload = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }),
  fc.anything({ maxDepth: 4 }),
  fc.dictionary(
    fc.constantFrom("id", "a", "b", "x", "y", "sku", "lines", "k k", "tracking_events", "uom_conversions", "name", "code"),
    fc.oneof(
      scalar,
      fc.jsonValue({ maxDepth: 4 }),
      fc.array(fc.dictionary(fc.string({ maxLength: 6 }), scalar), { maxLength: 5 }),
    ),
  ),
);

describe("the mapping engine never throws or hangs", () => {
  it("parsePath on any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (text) => {
        const parsed = parsePath(text);
        expect(typeof parsed.ok).toBe("boolean");
      }),
      { numRuns: 2_000 },
    );
  });

  it("compileMapping on any value", () => {
    fc.assert(
      fc.property(fc.anything(), (anything) => {
        const result = timed(() => compileMapping(anything));
        if (!result.ok) wellFormed(result);
      }),
      { numRuns: 500 },
    );
  });

  it("compileMapping on random specs, and applyMapping of those that compile on random payloads", () => {
    let compiled = 0;
    fc.assert(
      fc.property(spec, fc.array(payload, { minLength: 1, maxLength: 3 }), (candidate, payloads) => {
        const result = timed(() => compileMapping(candidate));
        if (!result.ok) {
          wellFormed(result);
          expect(result.problems.length).toBeGreaterThan(0);
          return;
        }
        compiled++;
        for (const item of payloads) {
          const applied = timed(() => applyMapping(result.mapping, item));
          wellFormed(applied);
          for (const record of applied.records) expect(recordTypes[record.type].input.safeParse(record.row).success).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
    // The generator is meant to reach applyMapping, not only the spec checks.
    expect(compiled).toBeGreaterThan(20);
  });

  it.each(Object.keys(READY_MAPPINGS))(
    "applyMapping with %s on random payloads and on its example with a value changed",
    (name) => {
      const ready = READY_MAPPINGS[name];
      const result = compileMapping(ready?.spec);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const mapping = result.mapping;
      fc.assert(
        fc.property(payload, (item) => {
          wellFormed(timed(() => applyMapping(mapping, item)));
        }),
        { numRuns: 300 },
      );
      // The example with one value somewhere in it replaced by anything: records that pass, or problems.
      const leaves: (string | number)[][] = [];
      const walk = (node: unknown, at: (string | number)[]) => {
        leaves.push(at);
        if (node && typeof node === "object")
          for (const [key, child] of Object.entries(node)) walk(child, [...at, Array.isArray(node) ? Number(key) : key]);
      };
      walk(ready?.example, []);
      fc.assert(
        fc.property(fc.constantFrom(...leaves.filter((at) => at.length > 0)), fc.anything({ maxDepth: 3 }), (at, replacement) => {
          const example = structuredClone(ready?.example) as Record<string | number, unknown>;
          let node: Record<string | number, unknown> = example;
          for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
          node[at.at(-1) as string | number] = replacement;
          const applied = timed(() => applyMapping(mapping, example));
          wellFormed(applied);
          for (const record of applied.records) expect(recordTypes[record.type].input.safeParse(record.row).success).toBe(true);
        }),
        { numRuns: 300 },
      );
    },
  );

  it("applyMapping on a payload nested a hundred thousand levels deep", () => {
    let deep: unknown = "bottom";
    for (let depth = 0; depth < 100_000; depth++) deep = depth % 2 ? { data: deep, id: depth } : [deep];
    for (const ready of Object.values(READY_MAPPINGS)) {
      const result = compileMapping(ready.spec);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      wellFormed(
        timed(() => applyMapping(result.mapping, { data: deep, customer: deep, line_items: deep, event: "sales_order.created" })),
      );
    }
  });
});
