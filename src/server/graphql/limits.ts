import {
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLObjectType,
  getArgumentValues,
  getNamedType,
  isObjectType,
  type OperationDefinitionNode,
} from "graphql";
import type { Scope } from "../../modules/governance/index.ts";
import { collectFields } from "./collect-fields.ts";

/** What a query may ask for. `nodes` counts fields as they would appear in the response. */
export const LIMITS = {
  /** Nesting of fields, the root fields being 1 (introspection has graphql-js's own limit). */
  maxDepth: 10,
  /** Fields a response could hold: each field once per parent, lists counted at their `first` (or its default). */
  maxNodes: 20_000,
  /** Largest page a list or relation returns. */
  maxFirst: 100,
  defaultFirst: 50,
  /** Default page of a relation list (a sales order's shipments), nested under another list. */
  defaultRelationFirst: 20,
  /** What a collection of lines counts as when estimating a response: it has no `first`. */
  linesEstimate: 10,
  /** Tokens a query document may have; parsing stops beyond it. */
  maxTokens: 5_000,
} as const;

/** What the schema tells the analysis about a field, in its `extensions.crossdock`. */
export type FieldHints = {
  /** The scope a caller needs to select this field. */
  scope?: Scope;
  /** A page: its `first` argument sizes the `items` below it. */
  page?: true;
  /** A page's items: counted `first` times. */
  pageItems?: true;
  /** A list without `first` (lines): counted this many times. */
  estimate?: number;
};

export function hintsOf(field: GraphQLField<unknown, unknown>): FieldHints {
  return (field.extensions?.crossdock ?? {}) as FieldHints;
}

export const requestError = (message: string, code: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extensions } });

/** `first` as given, or refused when it is outside 1 to maxFirst. */
export function pageSize(first: unknown, field: string): number {
  if (typeof first !== "number" || !Number.isInteger(first) || first < 1 || first > LIMITS.maxFirst) {
    throw requestError(`first must be from 1 to ${LIMITS.maxFirst} (${field} asks for ${String(first)})`, "validation_failed", {
      argument: "first",
    });
  }
  return first;
}

export type Analysis = { depth: number; nodes: number; scopes: Scope[] };

/**
 * Measures a validated operation before it runs: its depth, the fields its response could hold,
 * the scopes its fields need. Throws a GraphQLError (code `query_too_deep`, `query_too_complex`,
 * `validation_failed`) at the first limit crossed, so the walk itself stays bounded.
 */
export function analyseOperation(
  operation: OperationDefinitionNode,
  root: GraphQLObjectType,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Record<string, unknown>,
): Analysis {
  const result = { depth: 0, nodes: 0, scopes: new Set<Scope>() };

  const walk = (
    parents: readonly { selectionSet?: FieldNode["selectionSet"] }[],
    type: GraphQLObjectType,
    multiplier: number,
    depth: number,
    pageItems: number,
  ) => {
    for (const [key, nodes] of collectFields(parents, fragments, { variables })) {
      const [node] = nodes;
      if (!node) continue;
      result.nodes += multiplier;
      if (result.nodes > LIMITS.maxNodes) {
        throw requestError(
          `The query could return more than ${LIMITS.maxNodes.toLocaleString("en-US")} fields (each list counted at its first, lines at ${LIMITS.linesEstimate}); ask for smaller pages or fewer nested lists`,
          "query_too_complex",
          { limit: LIMITS.maxNodes },
        );
      }
      // Introspection (__schema, __type) is bounded by graphql-js's MaxIntrospectionDepthRule.
      if (node.name.value.startsWith("__")) continue;
      const field = type.getFields()[node.name.value];
      if (!field) continue;
      if (depth > LIMITS.maxDepth) {
        throw requestError(`The query nests deeper than ${LIMITS.maxDepth} levels (at ${key})`, "query_too_deep", {
          limit: LIMITS.maxDepth,
        });
      }
      result.depth = Math.max(result.depth, depth);
      const hints = hintsOf(field);
      if (hints.scope) result.scopes.add(hints.scope);
      const named = getNamedType(field.type);
      if (!isObjectType(named)) continue;
      let below = multiplier;
      let size = 1;
      if (hints.page) size = pageSize(getArgumentValues(field, node, variables).first, key);
      if (hints.pageItems) below = multiplier * pageItems;
      if (hints.estimate) below = multiplier * hints.estimate;
      walk(nodes, named, below, depth + 1, size);
    }
  };
  walk([operation], root, 1, 1, 1);
  return { depth: result.depth, nodes: result.nodes, scopes: [...result.scopes] };
}
