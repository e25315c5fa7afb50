import type { z } from "zod";
import { type Fields, REFUSED } from "./fields.ts";
import { hasNul, sortKeys } from "./values.ts";

/**
 * A record's input parsed without zod, for rows that are valid: the object the type's `input`
 * schema would give, or undefined when that schema would refuse the row, or when the row is
 * unusual enough (a `__proto__` key, an instance of a class) to leave to it. Zod
 * then parses the row and says why it is refused. Measured on a Shopify order with three lines,
 * this takes a fifth of the time zod does, which is most of what a webhook's mapping costs.
 *
 * It mirrors the schemas define-record.ts builds: a strict object of the base fields, the
 * type's fields, `attributes` and the child collections, in that order, then the type's checks.
 */
export type QuickInput = (row: unknown) => Record<string, unknown> | undefined;

type Shape = { names: readonly string[]; known: ReadonlySet<string>; parsers: readonly ((value: unknown) => unknown)[] };

/** How `attributes` parses: at most 200 keys of at most 100 characters, no NUL, keys sorted; absent is {}. */
const ATTRIBUTE_KEYS = 200;
const ATTRIBUTE_KEY_LENGTH = 100;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function quickAttributes(value: unknown): unknown {
  if (value === undefined) return {};
  if (!isPlainObject(value)) return REFUSED;
  const keys = Object.keys(value);
  if (keys.length > ATTRIBUTE_KEYS) return REFUSED;
  for (const key of keys) {
    if (key.length > ATTRIBUTE_KEY_LENGTH || key === "__proto__" || value[key] === undefined) return REFUSED;
  }
  if (hasNul(value)) return REFUSED;
  return sortKeys({ ...value });
}

function shapeOf(parsers: Record<string, (value: unknown) => unknown>): Shape {
  const names = Object.keys(parsers);
  return { names, known: new Set(names), parsers: names.map((name) => parsers[name] as (value: unknown) => unknown) };
}

/** A strict object's parse: every key known, every field parsed, in the shape's order. */
function parseShape(shape: Shape, value: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const key in value) if (!shape.known.has(key)) return undefined;
  const out: Record<string, unknown> = {};
  const { names, parsers } = shape;
  for (let index = 0; index < names.length; index++) {
    const name = names[index] as string;
    const parsed = (parsers[index] as (value: unknown) => unknown)(value[name]);
    if (parsed === REFUSED) return undefined;
    out[name] = parsed;
  }
  return out;
}

function fieldParsers(fields: Fields): Record<string, (value: unknown) => unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.quick]));
}

export function compileQuickInput(definition: {
  base: Record<string, (value: unknown) => unknown>;
  fields: Fields;
  children: Record<string, { fields: Fields; max: number }>;
  checks: (row: Record<string, unknown>, ctx: z.RefinementCtx) => void;
}): QuickInput {
  const collections = Object.fromEntries(
    Object.entries(definition.children).map(([name, collection]) => {
      const line = shapeOf({ ...fieldParsers(collection.fields), attributes: quickAttributes });
      const parse = (value: unknown): unknown => {
        if (value === undefined) return [];
        if (!Array.isArray(value) || value.length > collection.max) return REFUSED;
        const out = new Array<unknown>(value.length);
        for (let index = 0; index < value.length; index++) {
          const parsed = parseShape(line, value[index]);
          if (parsed === undefined) return REFUSED;
          out[index] = parsed;
        }
        return out;
      };
      return [name, parse];
    }),
  );
  const record = shapeOf({ ...definition.base, ...fieldParsers(definition.fields), attributes: quickAttributes, ...collections });
  let refused = false;
  const ctx = {
    addIssue: () => {
      refused = true;
    },
  } as unknown as z.RefinementCtx;
  return (row) => {
    const parsed = parseShape(record, row);
    if (parsed === undefined) return undefined;
    refused = false;
    definition.checks(parsed, ctx);
    return refused ? undefined : parsed;
  };
}
