import type { GraphQLFieldResolver, GraphQLResolveInfo } from "graphql";
import { type ExternalKey, type ListQuery, RecordNotFoundError, type RecordType } from "../../modules/records/index.ts";
import { collectFields } from "./collect-fields.ts";
import { type GraphqlContext, tenantScope } from "./graphql-context.ts";
import { pageSize, requestError } from "./limits.ts";

/**
 * The resolvers the schema generator attaches to every record type. Each reads through the records
 * module as the request's tenant (row-level security applies to every read), references and
 * reverse relations through the request's batch loaders.
 */

type Row = Record<string, unknown>;
type Resolver<Args = Record<string, unknown>> = GraphQLFieldResolver<Row, GraphqlContext, Args>;

/** A line keeps the record it belongs to: its references share the record's source system, its money the record's currency. */
const PARENT = Symbol("record of this line");
type Line = Row & { [PARENT]: Row };

const recordOf = (row: Row): Row => (row as Partial<Line>)[PARENT] ?? row;
const keyOf = (row: Row): ExternalKey => ({ source_system: String(row.source_system), external_id: String(row.external_id) });

/** Which of the type's line collections and whether `total` a page's selection asks for. */
function wanted(type: RecordType, info: GraphQLResolveInfo): { include: string[]; total: boolean } {
  const page = collectFields(info.fieldNodes, info.fragments, { key: "name" });
  const items = collectFields(page.get("items") ?? [], info.fragments, { key: "name" });
  return { include: Object.keys(type.children).filter((name) => items.has(name)), total: page.has("total") };
}

/** Query.<type>(id | source_system + external_id): the record, or null when the tenant has none. */
export function lookup(
  type: RecordType,
): Resolver<{ id?: string | null; source_system?: string | null; external_id?: string | null }> {
  return async (_root, args, context) => {
    const { records, tenantId, loaders } = tenantScope(context);
    const byId = args.id != null;
    const byKey = args.source_system != null && args.external_id != null;
    if (byId === byKey || (!byKey && (args.source_system != null || args.external_id != null))) {
      throw requestError(`Look a ${type.name} up by id, or by source_system and external_id together`, "validation_failed");
    }
    if (args.id != null) {
      try {
        return await records.get(tenantId, type.name as never, args.id);
      } catch (error) {
        if (error instanceof RecordNotFoundError) return null;
        throw error;
      }
    }
    return loaders.record(type.name as never, {
      source_system: String(args.source_system),
      external_id: String(args.external_id),
    });
  };
}

type ListArgs = {
  filter?: Record<string, unknown> | null;
  sort: string;
  descending: boolean;
  first: number;
  after?: string | null;
};

/** The list filters as the records module's list query: enums joined with commas, everything as text. */
function filterQuery(type: RecordType, filter: Record<string, unknown> | null | undefined): Record<string, string> {
  const query: Record<string, string> = {};
  for (const param of type.listParams) {
    const value = filter?.[param.name];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) throw requestError(`filter.${param.name} must list at least one value`, "validation_failed");
      query[param.name] = value.join(",");
    } else {
      query[param.name] = String(value);
    }
  }
  return query;
}

const compact = (query: Record<string, string | number | undefined>): ListQuery =>
  Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== ""));

/** Query.<plural>(filter, sort, descending, first, after): one page, keyset-paginated by the records module. */
export function list(type: RecordType): Resolver<ListArgs> {
  return (_root, args, context, info) => {
    const { records, tenantId } = tenantScope(context);
    const { include, total } = wanted(type, info);
    return records.list(
      tenantId,
      type.name as never,
      compact({
        ...filterQuery(type, args.filter),
        sort: args.descending ? `-${args.sort}` : args.sort,
        limit: pageSize(args.first, info.fieldName),
        cursor: args.after ?? undefined,
        include: include.join(","),
        total: total ? "true" : undefined,
      }),
    );
  };
}

/** <Type>.<relation>: the record a ref field names, from the same source system; null when it is not in Crossdock. */
export function reference(target: RecordType, field: string): Resolver {
  return (source, _args, context) => {
    const externalId = source[field];
    if (typeof externalId !== "string") return null;
    const system = String(recordOf(source).source_system);
    return tenantScope(context).loaders.record(target.name as never, { source_system: system, external_id: externalId });
  };
}

/**
 * <Type>.<plural>: the records whose ref `field` names this one. The first page of every parent in
 * one read; a later page (`after`) through the list, filtered the same way.
 */
export function referencing(type: RecordType, field: string): Resolver<{ first: number; after?: string | null }> {
  return (source, args, context, info) => {
    const { records, tenantId, loaders } = tenantScope(context);
    const limit = pageSize(args.first, info.fieldName);
    const { include, total } = wanted(type, info);
    const key = keyOf(source);
    if (!args.after) return loaders.referencing(type.name as never, field, key, { limit, include });
    return records.list(
      tenantId,
      type.name as never,
      compact({
        source_system: key.source_system,
        [field]: key.external_id,
        limit,
        cursor: args.after,
        include: include.join(","),
        total: total ? "true" : undefined,
      }),
    );
  };
}

/** <Type>.<lines>: the collection, each line knowing its record. */
export function lines(type: RecordType, collection: string): Resolver {
  return async (source, _args, context) => {
    let rows = source[collection] as Row[] | undefined;
    if (rows === undefined) {
      // Selected where a list did not see it coming: read the record with its lines.
      const full = await tenantScope(context).loaders.record(type.name as never, keyOf(source));
      rows = (full?.[collection] as Row[] | undefined) ?? [];
    }
    return rows.map((line): Line => ({ ...line, [PARENT]: source }));
  };
}

/** A money field as { amount, currency }, the currency from the row or, for a line, its record. */
export function money(field: string, currencyField: string | undefined): Resolver {
  return (source) => {
    const amount = source[field];
    if (amount === null || amount === undefined) return null;
    const currency = currencyField ? (source[currencyField] ?? recordOf(source)[currencyField] ?? null) : null;
    return { amount, currency };
  };
}

/** Page.items: the records module's `data`. */
export const pageItems: Resolver = (page) => page.data;
