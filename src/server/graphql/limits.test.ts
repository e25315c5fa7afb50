import { type FragmentDefinitionNode, GraphQLError, Kind, type OperationDefinitionNode, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { RECORD_TYPES, type RecordType } from "../../modules/records/index.ts";
import { analyseOperation, LIMITS } from "./limits.ts";
import { buildRecordsSchema } from "./records-schema.ts";

const schema = buildRecordsSchema(RECORD_TYPES as unknown as readonly RecordType[]);

function analyse(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  expect(validate(schema, document)).toEqual([]);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return analyseOperation(operation as OperationDefinitionNode, schema.getQueryType() as never, fragments, variables);
}

function refusal(query: string, variables: Record<string, unknown> = {}): GraphQLError {
  try {
    analyse(query, variables);
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error("the query was not refused");
}

describe("query limits", () => {
  it("counts the fields a response could hold: lists at their first, lines at the estimate", () => {
    // sales_orders 1 + items 1 + 10 × (id 1 + customer 1 + name 1 + lines 1 + 10 × quantity 1) = 232
    const result = analyse("{ sales_orders(first: 10) { items { id customer { name } lines { quantity } } } }");
    expect(result).toEqual({ depth: 4, nodes: 2 + 10 * (4 + LIMITS.linesEstimate), scopes: ["records:read"] });
    // The default page is 50, and a relation's 20.
    expect(analyse("{ customers { items { id sales_orders { items { id } } } } }").nodes).toBe(2 + 50 * (2 + 1 + 20));
  });

  it("counts a field spread by several fragments once, an aliased one each time, a skipped one not at all", () => {
    const fragments = analyse(`
      query { sales_orders(first: 10) { items { ...A ...B id } } }
      fragment A on SalesOrder { id order_number }
      fragment B on SalesOrder { order_number ...A }`);
    expect(fragments.nodes).toBe(2 + 10 * 2);
    expect(analyse("{ sales_orders(first: 10) { items { a: id b: id } } }").nodes).toBe(2 + 10 * 2);
    const skipped = "query($skip: Boolean!) { sales_orders(first: 10) { items { id customer @skip(if: $skip) { name } } } }";
    expect(analyse(skipped, { skip: true }).nodes).toBe(2 + 10);
    expect(analyse(skipped, { skip: false }).nodes).toBe(2 + 10 * 3);
  });

  it("refuses a query deeper than the limit, naming where", () => {
    let query = "id";
    for (let i = 0; i < 5; i++) query = `customer { sales_orders(first: 1) { items { ${query} } } }`;
    const error = refusal(`{ sales_order(id: "so_x") { ${query} } }`);
    expect(error.extensions.code).toBe("query_too_deep");
    expect(error.message).toMatch(/deeper than 10 levels/);
  });

  it("refuses a query whose nested lists could return too much, whatever first it takes from variables", () => {
    const nested = `query($n: Int!) { customers(first: $n) { items { sales_orders(first: $n) { items { shipments(first: $n) { items { id } } } } } } }`;
    expect(refusal(nested, { n: 100 }).extensions.code).toBe("query_too_complex");
    expect(analyse(nested, { n: 5 }).nodes).toBeLessThan(LIMITS.maxNodes);
  });

  it("refuses first outside 1 to 100, on lists and relations", () => {
    expect(refusal("{ items(first: 101) { items { id } } }").message).toMatch(
      /first must be from 1 to 100 \(items asks for 101\)/,
    );
    expect(refusal("{ customers { items { sales_orders(first: 0) { total } } } }").extensions).toMatchObject({
      code: "validation_failed",
      argument: "first",
    });
  });

  it("leaves introspection to graphql-js's own limit and asks no scope for it", () => {
    expect(analyse("{ __schema { types { name fields { name } } } }")).toMatchObject({ scopes: [] });
  });
});
