import {
  GraphQLBoolean,
  GraphQLEnumType,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigMap,
  GraphQLID,
  type GraphQLInputFieldConfigMap,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
  GraphQLSchema,
  GraphQLString,
} from "graphql";
import type { Field, Fields, ListParam, RecordType } from "../../modules/records/index.ts";
import type { GraphqlContext } from "./graphql-context.ts";
import { type FieldHints, LIMITS } from "./limits.ts";
import { lines, list, lookup, money, pageItems, reference, referencing } from "./resolvers.ts";
import { DateScalar, DateTimeScalar, DecimalScalar, JsonScalar, MoneyType } from "./scalars.ts";

type Row = Record<string, unknown>;
type FieldMap = GraphQLFieldConfigMap<Row, GraphqlContext>;

const pascal = (name: string) =>
  name
    .split("_")
    .map((word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`)
    .join("");
const singular = (name: string) => (name.endsWith("s") ? name.slice(0, -1) : name);
/** `customer_external_id` → `customer`: the field the referenced record is resolved on. */
export const relationName = (field: string) => field.replace(/_external_id$/, "");

const hints = (value: FieldHints) => ({ crossdock: value });
const READ: FieldHints = { scope: "records:read" };

/** A record type's reverse relation: `source` records whose ref `field` names the record. */
type Incoming = { source: RecordType; field: string };

/** Name of the reverse relation on the referenced type: `shipments`, or `shipments_by_origin_location` when it is not the obvious one. */
function incomingName({ source, field }: Incoming, target: RecordType): string {
  const stem = relationName(field);
  return stem === target.name ? source.plural : `${source.plural}_by_${stem}`;
}

/** Adds a field, refusing a name the type already has: generated names must never shadow each other. */
function put<T>(map: Record<string, T>, owner: string, name: string, config: T): void {
  if (Object.hasOwn(map, name)) throw new Error(`GraphQL type ${owner} would have two fields called ${name}`);
  map[name] = config;
}

/**
 * The GraphQL schema of the canonical records, generated from the records contract: for each of
 * its record types an object type (fields by kind, money as { amount, currency }, lines, the
 * records its references name and the records that reference it), a page type, a filter input
 * mirroring the REST list filters, and two root fields: `<type>` (one record) and `<plural>` (a page).
 */
export function buildRecordsSchema(types: readonly RecordType[]): GraphQLSchema {
  const byName = new Map(types.map((type) => [type.name, type]));
  const objects = new Map<string, GraphQLObjectType>();
  const pages = new Map<string, GraphQLObjectType>();
  const enums = new Map<string, GraphQLEnumType>();

  const incoming = new Map<string, Incoming[]>();
  for (const source of types) {
    for (const [field, definition] of Object.entries(source.fields)) {
      if (definition.kind !== "ref" || !definition.filter || !definition.refType) continue;
      incoming.set(definition.refType, [...(incoming.get(definition.refType) ?? []), { source, field }]);
    }
  }

  const target = (field: Field, where: string): RecordType => {
    const type = field.refType ? byName.get(field.refType) : undefined;
    if (!type) throw new Error(`${where} refers to ${field.refType}, which is not a record type`);
    return type;
  };

  function enumType(name: string, values: readonly string[], description: string | undefined): GraphQLEnumType {
    let type = enums.get(name);
    if (!type) {
      type = new GraphQLEnumType({
        name,
        description,
        values: Object.fromEntries(values.map((value) => [value, { value }])),
      });
      enums.set(name, type);
    }
    return type;
  }

  function valueType(owner: string, name: string, field: Field): GraphQLOutputType {
    const base = ((): GraphQLOutputType => {
      switch (field.kind) {
        case "integer":
          return GraphQLInt;
        case "decimal":
          return DecimalScalar;
        case "money":
          return MoneyType;
        case "date":
          return DateScalar;
        case "timestamp":
          return DateTimeScalar;
        case "boolean":
          return GraphQLBoolean;
        case "enum":
          return enumType(`${owner}${pascal(name)}`, field.values ?? [], field.description);
        case "json":
          return JsonScalar;
        case "text":
        case "ref":
        case "currency":
          return GraphQLString;
      }
    })();
    return field.required ? new GraphQLNonNull(base) : base;
  }

  /** The declared fields of a record or a line, and the record each reference names. */
  function valueFields(owner: string, fields: Fields): FieldMap {
    const map: FieldMap = {};
    for (const [name, field] of Object.entries(fields)) {
      const config: GraphQLFieldConfig<Row, GraphqlContext> = {
        type: valueType(owner, name, field),
        description: field.description,
      };
      if (field.kind === "money") config.resolve = money(name, field.currencyField);
      if (field.kind === "ref") {
        config.description = `${field.description ? `${field.description} ` : ""}The external id of a ${field.refType} in the same source system.`;
      }
      put(map, owner, name, config);
      if (field.kind === "ref") {
        const referenced = target(field, `${owner}.${name}`);
        put(map, owner, relationName(name), {
          type: objectOf(referenced),
          description: `The ${referenced.name} ${name} names, from the same source system; null when there is none (yet) in Crossdock.`,
          resolve: reference(referenced, name),
        });
      }
    }
    return map;
  }

  const pageArgs = (defaultFirst: number) => ({
    first: {
      type: new GraphQLNonNull(GraphQLInt),
      defaultValue: defaultFirst,
      description: `Records per page, 1 to ${LIMITS.maxFirst}.`,
    },
    after: { type: GraphQLString, description: "next_cursor of the previous page." },
  });

  function objectOf(type: RecordType): GraphQLObjectType {
    const existing = objects.get(type.name);
    if (existing) return existing;
    const name = pascal(type.name);
    const object: GraphQLObjectType = new GraphQLObjectType<Row, GraphqlContext>({
      name,
      description: type.description,
      fields: () => {
        const map: FieldMap = {
          id: { type: new GraphQLNonNull(GraphQLID), description: "Crossdock's id for the record, prefixed by its type." },
          source_system: { type: new GraphQLNonNull(GraphQLString), description: "The system the record comes from." },
          external_id: { type: new GraphQLNonNull(GraphQLString), description: "The record's id in its source system." },
        };
        for (const [field, config] of Object.entries(valueFields(name, type.fields))) put(map, name, field, config);
        put(map, name, "attributes", {
          type: new GraphQLNonNull(JsonScalar),
          description: "Fields from the source system the canonical model does not name.",
        });
        put(map, name, "version", {
          type: new GraphQLNonNull(GraphQLInt),
          description: "1 when first stored; one more with every upsert that changed it.",
        });
        put(map, name, "created_at", { type: new GraphQLNonNull(DateTimeScalar) });
        put(map, name, "updated_at", { type: new GraphQLNonNull(DateTimeScalar) });
        for (const [collection, definition] of Object.entries(type.children)) {
          const lineName = `${name}${pascal(singular(collection))}`;
          const line = new GraphQLObjectType<Row, GraphqlContext>({
            name: lineName,
            description: definition.description,
            fields: () => ({
              ...valueFields(lineName, definition.fields),
              attributes: { type: new GraphQLNonNull(JsonScalar) },
            }),
          });
          put(map, name, collection, {
            type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(line))),
            description: definition.description,
            resolve: lines(type, collection),
            extensions: hints({ estimate: LIMITS.linesEstimate }),
          });
        }
        for (const relation of incoming.get(type.name) ?? []) {
          put(map, name, incomingName(relation, type), {
            type: pageOf(relation.source),
            description: `${relation.source.title}s whose ${relation.field} is this ${type.name}, from the same source system, in creation order.`,
            args: pageArgs(LIMITS.defaultRelationFirst),
            resolve: referencing(relation.source, relation.field) as never,
            extensions: hints({ page: true }),
          });
        }
        return map;
      },
    });
    objects.set(type.name, object);
    return object;
  }

  function pageOf(type: RecordType): GraphQLObjectType {
    let page = pages.get(type.name);
    if (!page) {
      page = new GraphQLObjectType<Row, GraphqlContext>({
        name: `${pascal(type.name)}Page`,
        description: `A page of ${type.plural}. Pass next_cursor as \`after\` for the next one.`,
        fields: () => ({
          items: {
            type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(objectOf(type)))),
            resolve: pageItems,
            extensions: hints({ pageItems: true }),
          },
          next_cursor: { type: GraphQLString, description: "Where the next page starts; null on the last page." },
          total: {
            type: new GraphQLNonNull(GraphQLInt),
            description: "How many records match, on every page (the cursor does not narrow it). Counted only when asked for.",
          },
        }),
      });
      pages.set(type.name, page);
    }
    return page;
  }

  function filterInput(type: RecordType): GraphQLInputObjectType {
    const owner = pascal(type.name);
    return new GraphQLInputObjectType({
      name: `${owner}Filter`,
      description: `Filters of ${type.plural}, all of which must hold: the same as the REST list's.`,
      fields: () => {
        const fields: GraphQLInputFieldConfigMap = {};
        for (const param of type.listParams) {
          fields[param.name] = { type: filterType(owner, type, param), description: describeFilter(param) };
        }
        return fields;
      },
    });
  }

  function filterType(owner: string, type: RecordType, param: ListParam): GraphQLInputType {
    const [column = ""] = param.columns;
    const field = type.fields[column];
    if (param.op === "in" && field) {
      return new GraphQLList(new GraphQLNonNull(enumType(`${owner}${pascal(column)}`, field.values ?? [], field.description)));
    }
    switch (param.kind) {
      case "boolean":
        return GraphQLBoolean;
      case "integer":
        return GraphQLInt;
      case "decimal":
      case "money":
        return DecimalScalar;
      case "date":
        return DateScalar;
      case "timestamp":
        return DateTimeScalar;
      default:
        return GraphQLString;
    }
  }

  const query: FieldMap = {};
  for (const type of types) {
    const object = objectOf(type);
    const sort = new GraphQLEnumType({
      name: `${object.name}SortField`,
      values: Object.fromEntries(type.sortable.map((field) => [field, { value: field }])),
    });
    put(query, "Query", type.name, {
      type: object,
      description: `One ${type.name}, by id or by source_system and external_id; null when the tenant has none.`,
      args: { id: { type: GraphQLID }, source_system: { type: GraphQLString }, external_id: { type: GraphQLString } },
      resolve: lookup(type) as never,
      extensions: hints(READ),
    });
    put(query, "Query", type.plural, {
      type: pageOf(type),
      description: `${type.title}s, filtered and sorted, one page at a time (keyset pagination).`,
      args: {
        filter: { type: filterInput(type) },
        sort: { type: new GraphQLNonNull(sort), defaultValue: "id", description: "Default: id, which is creation order." },
        descending: { type: new GraphQLNonNull(GraphQLBoolean), defaultValue: false },
        ...pageArgs(LIMITS.defaultFirst),
      },
      resolve: list(type) as never,
      extensions: hints({ ...READ, page: true }),
    });
  }
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: "Query",
      description: "Crossdock's canonical records, read as the caller's tenant. Every field needs the scope records:read.",
      fields: query,
    }),
  });
}

function describeFilter(param: ListParam): string {
  const target = param.columns.join(", ");
  switch (param.op) {
    case "in":
      return `${target} is any of these`;
    case "prefix":
      return `Case-insensitive prefix of ${target}`;
    case "gte":
      return `${target} at least / on or after this`;
    case "lte":
      return `${target} at most / on or before this`;
    case "gt":
      return `${target} after this instant`;
    case "lt":
      return `${target} before this instant`;
    default:
      return `${target} equals this`;
  }
}
