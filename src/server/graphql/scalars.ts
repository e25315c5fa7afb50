import {
  GraphQLError,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLString,
  type ValueNode,
  valueFromASTUntyped,
} from "graphql";
import { isCalendarDate, normaliseDecimal, normaliseTimestamp } from "../../modules/records/index.ts";

/** Digits after the point a filter value may have, as in the REST list filters. */
const FILTER_SCALE = 12;

/** A scalar that reads its input as text (or, for Decimal, also a number) and checks it with `parse`. */
function textScalar(definition: {
  name: string;
  description: string;
  numbers?: boolean;
  parse: (value: string | number) => { ok: true; value: string } | { ok: false; message: string };
}) {
  const parseValue = (value: unknown): string => {
    const accepted = typeof value === "string" || (definition.numbers === true && typeof value === "number");
    const parsed = accepted ? definition.parse(value as string | number) : { ok: false as const, message: "must be a string" };
    if (!parsed.ok) throw new GraphQLError(`${definition.name} ${parsed.message}; got ${JSON.stringify(value)}`);
    return parsed.value;
  };
  return new GraphQLScalarType<string, string>({
    name: definition.name,
    description: definition.description,
    serialize: (value) => String(value),
    parseValue,
    parseLiteral: (node: ValueNode, variables) => parseValue(valueFromASTUntyped(node, variables)),
  });
}

export const DecimalScalar = textScalar({
  name: "Decimal",
  description:
    'An exact decimal number written as a string, e.g. "12.5" (never a float, so no precision is lost). Arguments may also be written as numbers.',
  numbers: true,
  parse: (value) => normaliseDecimal(value, FILTER_SCALE),
});

export const DateScalar = textScalar({
  name: "Date",
  description: "A calendar date, YYYY-MM-DD.",
  parse: (value) =>
    isCalendarDate(String(value))
      ? { ok: true, value: String(value) }
      : { ok: false, message: "must be a date written YYYY-MM-DD" },
});

export const DateTimeScalar = textScalar({
  name: "DateTime",
  description:
    'An instant, ISO 8601 in UTC with milliseconds, e.g. "2024-05-01T14:30:00.000Z". Arguments take any offset, or a bare date (its first instant in UTC).',
  parse: (value) => {
    const text = String(value);
    return isCalendarDate(text) ? { ok: true, value: `${text}T00:00:00.000Z` } : normaliseTimestamp(text);
  },
});

export const JsonScalar = new GraphQLScalarType({
  name: "JSON",
  description: "Any JSON value, returned as it is stored (attributes from the source system, free-form fields).",
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (node, variables) => valueFromASTUntyped(node, variables),
});

export const MoneyType = new GraphQLObjectType({
  name: "Money",
  description: "An exact amount with the currency it is in (the record's currency field).",
  fields: {
    amount: { type: new GraphQLNonNull(DecimalScalar), description: 'Exact, as a string, e.g. "1250.5".' },
    currency: { type: GraphQLString, description: "ISO 4217 code; null when the record does not say." },
  },
});
