import {
  type DocumentNode,
  execute,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  Kind,
  parse,
  specifiedRules,
  validate,
} from "graphql";
import type { Scope } from "../../modules/governance/index.ts";
import type { Records } from "../../modules/records/index.ts";
import { AppError } from "../../platform/errors.ts";
import type { Logger } from "../../platform/logger.ts";
import { createGraphqlContext } from "./graphql-context.ts";
import { analyseOperation, LIMITS, requestError } from "./limits.ts";

/** A GraphQL request as the HTTP layer read it. */
export type GraphqlParams = { query: string; variables: Record<string, unknown>; operationName: string | undefined };

/**
 * What became of a request. `request_error`: refused before anything ran (no `data`); `status` is
 * set where HTTP says more than GraphQL (401, 403), otherwise the route picks it by media type.
 * `executed`: it ran, perhaps with field errors beside the data.
 */
export type GraphqlOutcome =
  | { kind: "request_error"; status?: 400 | 403; errors: GraphQLFormattedError[] }
  | { kind: "executed"; body: { data?: unknown; errors?: GraphQLFormattedError[] } };

type Caller = { scopes: readonly Scope[]; tenantId: string | undefined; requestId: string; logger: Logger | undefined };

const requestFailure = (errors: readonly GraphQLError[], status?: 400 | 403): GraphqlOutcome => ({
  kind: "request_error",
  ...(status ? { status } : {}),
  errors: errors.map((error) => error.toJSON()),
});

/** Adds the code graphql-js leaves out of its own parse and validation errors. */
function coded(errors: readonly GraphQLError[], code: string): GraphQLError[] {
  return errors.map((error) =>
    error.extensions.code
      ? error
      : new GraphQLError(error.message, {
          nodes: error.nodes,
          source: error.source,
          positions: error.positions,
          path: error.path,
          originalError: error.originalError,
          extensions: { ...error.extensions, code },
        }),
  );
}

/**
 * Parses, validates, measures and runs one query as the caller. Limits and scopes are checked
 * before any resolver runs; the resolvers then read only through the records module as the caller's tenant.
 */
export async function runGraphql(
  schema: GraphQLSchema,
  records: Records,
  params: GraphqlParams,
  caller: Caller,
): Promise<GraphqlOutcome> {
  let document: DocumentNode;
  try {
    document = parse(params.query, { maxTokens: LIMITS.maxTokens });
  } catch (error) {
    if (error instanceof GraphQLError) return requestFailure(coded([error], "graphql_parse_failed"));
    throw error;
  }
  const invalid = validate(schema, document, specifiedRules);
  if (invalid.length > 0) return requestFailure(coded(invalid, "graphql_validation_failed"));

  const operation = getOperationAST(document, params.operationName);
  if (!operation) {
    const message = params.operationName
      ? `The document has no operation called ${params.operationName}`
      : "The document has several operations; say which to run with operationName";
    return requestFailure([requestError(message, "bad_request")]);
  }
  const variables = getVariableValues(schema, operation.variableDefinitions ?? [], params.variables);
  if (variables.errors) return requestFailure(coded(variables.errors, "invalid_variables"));

  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const root = schema.getQueryType();
  if (!root) throw new Error("the schema has no query type");
  let scopes: Scope[];
  try {
    ({ scopes } = analyseOperation(operation, root, fragments, variables.coerced));
  } catch (error) {
    if (error instanceof GraphQLError) return requestFailure([error]);
    throw error;
  }
  const missing = scopes.find((scope) => !caller.scopes.includes(scope));
  if (missing) {
    return requestFailure(
      [
        requestError(`This query needs the scope ${missing}, which this credential does not have`, "forbidden", {
          scope: missing,
        }),
      ],
      403,
    );
  }
  if (scopes.length > 0 && !caller.tenantId) {
    return requestFailure(
      [requestError("This query reads a tenant's records; pass X-Crossdock-Tenant with its slug or id", "bad_request")],
      400,
    );
  }

  const result = await execute({
    schema,
    document,
    operationName: params.operationName,
    variableValues: params.variables,
    contextValue: createGraphqlContext(records, caller.tenantId),
  });
  return {
    kind: "executed",
    body: {
      ...(result.errors ? { errors: result.errors.map((error) => formatFieldError(error, caller)) } : {}),
      data: result.data,
    },
  };
}

/**
 * A field's error as the caller sees it: an AppError (a record not found, a bad cursor or filter)
 * or a GraphQLError keeps its message and code; anything else is ours to fix, logged, and shown
 * with the request id only.
 */
function formatFieldError(error: GraphQLError, caller: Caller): GraphQLFormattedError {
  const original = error.originalError;
  const where = { locations: error.locations, path: error.path };
  if (!original || original instanceof GraphQLError) {
    return { message: error.message, ...where, extensions: { code: "graphql_error", ...error.extensions } };
  }
  if (original instanceof AppError) {
    return {
      message: original.message,
      ...where,
      extensions: { code: original.code, ...(original.details.length > 0 ? { details: original.details } : {}) },
    };
  }
  caller.logger?.error({ err: original, requestId: caller.requestId, path: error.path }, "graphql resolver failed");
  return {
    message: `Something went wrong on our side; quote request ${caller.requestId} when reporting it`,
    ...where,
    extensions: { code: "internal", request_id: caller.requestId },
  };
}
