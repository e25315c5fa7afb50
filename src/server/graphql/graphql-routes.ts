import { z } from "@hono/zod-openapi";
import type { GraphQLFormattedError } from "graphql";
import type { Handler } from "hono";
import type { RecordType } from "../../modules/records/index.ts";
import { type AppEnv, principalOf } from "../context.ts";
import { ErrorResponse } from "../error-response.ts";
import type { RouteDeps } from "../routes/route-deps.ts";
import { LIMITS } from "./limits.ts";
import { buildRecordsSchema } from "./records-schema.ts";
import { type GraphqlParams, runGraphql } from "./run-graphql.ts";

export const GRAPHQL_PATH = "/api/v1/graphql";

const GraphqlRequest = z
  .object({
    query: z.string().describe("The GraphQL document."),
    variables: z.record(z.string(), z.unknown()).nullable().optional(),
    operationName: z.string().nullable().optional().describe("Which operation of the document to run, when it has several."),
  })
  .openapi("GraphqlRequest");

const GraphqlResponse = z
  .object({
    data: z.record(z.string(), z.unknown()).nullable().optional(),
    errors: z
      .array(
        z.object({
          message: z.string(),
          locations: z.array(z.object({ line: z.number().int(), column: z.number().int() })).optional(),
          path: z.array(z.union([z.string(), z.number().int()])).optional(),
          extensions: z
            .object({ code: z.string().describe("stable, machine-readable; the REST API's codes plus GraphQL's own") })
            .catchall(z.unknown())
            .optional(),
        }),
      )
      .optional(),
  })
  .openapi("GraphqlResponse");

const GRAPHQL_RESPONSE = "application/graphql-response+json";

const DESCRIPTION = `A read-only GraphQL API over the canonical records, generated from the records contract: for each record type \`<type>(id | source_system + external_id)\` and \`<plural>(filter, sort, descending, first, after)\`, references resolved to the records they name and reverse relations listing the records that name a record. Fields need the scope \`records:read\`, as the REST reads do, and read as the caller's tenant; introspection needs only authentication. Limits: depth ${LIMITS.maxDepth}, at most ${LIMITS.maxNodes.toLocaleString("en-US")} fields in a response (lists counted at their \`first\`, lines at ${LIMITS.linesEstimate}), \`first\` at most ${LIMITS.maxFirst}. With \`Accept: ${GRAPHQL_RESPONSE}\`, a request refused before it runs is answered 400; with \`application/json\`, 200 (GraphQL over HTTP). A missing scope is 403. See src/server/graphql/README.md.`;

type Read = { ok: true; params: GraphqlParams } | { ok: false; status: 400 | 415; code: string; message: string };

const refuse = (status: 400 | 415, code: string, message: string): Read => ({ ok: false, status, code, message });

/** The request's query, variables and operation name, from a JSON body (POST) or the URL (GET). */
function readParams(raw: { query: unknown; variables: unknown; operationName: unknown }): Read {
  const { query, variables, operationName } = raw;
  if (typeof query !== "string" || query.trim() === "")
    return refuse(400, "bad_request", "query must be a GraphQL document, as a string");
  if (variables !== undefined && variables !== null && (typeof variables !== "object" || Array.isArray(variables))) {
    return refuse(400, "bad_request", "variables must be an object of variable values");
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string") {
    return refuse(400, "bad_request", "operationName must be a string");
  }
  return {
    ok: true,
    params: { query, variables: (variables ?? {}) as Record<string, unknown>, operationName: operationName ?? undefined },
  };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** POST /api/v1/graphql and GET /api/v1/graphql?query=…: the GraphQL read API over the records. */
export function graphqlRoutes({ rawRoutes, records }: RouteDeps) {
  // Each type's own field types are narrower than RecordType's; the generator reads only the declaration.
  const schema = buildRecordsSchema(records.types as unknown as readonly RecordType[]);
  const responses = {
    200: {
      description:
        "The result: data, and errors beside it if some fields failed (or, with application/json, why the query was refused)",
      content: { "application/json": { schema: GraphqlResponse }, [GRAPHQL_RESPONSE]: { schema: GraphqlResponse } },
    },
    400: {
      description:
        "Malformed request; or, with Accept: application/graphql-response+json, a query that does not parse, validate or fit the limits",
      content: { [GRAPHQL_RESPONSE]: { schema: GraphqlResponse }, "application/json": { schema: GraphqlResponse } },
    },
    401: { description: "Not authenticated", content: { "application/json": { schema: ErrorResponse } } },
    403: {
      description: "A field needs a scope the credential lacks (named in the error)",
      content: { "application/json": { schema: GraphqlResponse } },
    },
  } as const;
  const common = {
    path: GRAPHQL_PATH,
    tags: ["graphql"],
    access: { authenticated: true as const },
    description: DESCRIPTION,
    responses,
  };

  const handler: Handler<AppEnv> = async (c) => {
    const media = (c.req.header("accept") ?? "").includes(GRAPHQL_RESPONSE) ? GRAPHQL_RESPONSE : "application/json";
    const send = (status: number, body: { data?: unknown; errors?: GraphQLFormattedError[] }) =>
      c.body(JSON.stringify(body), status as 200, { "content-type": `${media}; charset=utf-8` });
    const logger = c.get("logger");
    const refused = (status: number, errors: GraphQLFormattedError[]) => {
      logger?.warn(
        { status, codes: errors.map((error) => error.extensions?.code), requestId: c.get("requestId") },
        "graphql request refused",
      );
      return send(status, { errors });
    };

    let read: Read;
    if (c.req.method === "GET") {
      const variables = c.req.query("variables");
      const parsed = variables === undefined ? { ok: true as const, value: undefined } : parseJson(variables);
      read = parsed.ok
        ? readParams({ query: c.req.query("query"), variables: parsed.value, operationName: c.req.query("operationName") })
        : refuse(400, "invalid_json", "variables is not valid JSON");
    } else if (!/^application\/json\b/i.test(c.req.header("content-type") ?? "")) {
      read = refuse(415, "unsupported_media_type", "Send the GraphQL request as JSON (Content-Type: application/json)");
    } else {
      const parsed = parseJson(await c.req.text());
      if (!parsed.ok) read = refuse(400, "invalid_json", "The request body is not valid JSON");
      else if (typeof parsed.value !== "object" || parsed.value === null || Array.isArray(parsed.value))
        read = refuse(
          400,
          "bad_request",
          "The body must be one GraphQL request: an object with query, and variables and operationName if needed",
        );
      else read = readParams(parsed.value as { query: unknown; variables: unknown; operationName: unknown });
    }
    if (!read.ok) return refused(read.status, [{ message: read.message, extensions: { code: read.code } }]);

    const principal = principalOf(c);
    const outcome = await runGraphql(schema, records, read.params, {
      scopes: principal.scopes,
      tenantId: c.get("tenantId"),
      requestId: c.get("requestId"),
      logger,
    });
    if (outcome.kind === "request_error") {
      return refused(outcome.status ?? (media === GRAPHQL_RESPONSE ? 400 : 200), outcome.errors);
    }
    return send(200, outcome.body);
  };

  rawRoutes(
    {
      ...common,
      method: "post",
      summary: "Query the canonical records with GraphQL",
      request: { body: { required: true, content: { "application/json": { schema: GraphqlRequest } } } },
    },
    handler,
  );
  rawRoutes(
    {
      ...common,
      method: "get",
      summary: "Query the canonical records with GraphQL, the request in the URL",
      request: {
        query: z.object({
          query: z.string().describe("The GraphQL document."),
          variables: z.string().optional().describe("The variables, as a JSON object."),
          operationName: z.string().optional(),
        }),
      },
    },
    handler,
  );
}
