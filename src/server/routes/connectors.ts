import { z } from "@hono/zod-openapi";
import { Connector, ConnectorInput } from "../../modules/actions/index.ts";
import { tenantOf, writeContextOf } from "../context.ts";
import { errorResponse, errorResponses } from "../error-response.ts";
import type { RouteDeps } from "./route-deps.ts";

const ConnectorParams = z.object({ id: z.string().describe("the connector's id or name") });

/** The tenant's connectors: where governed writes go, and how (REST endpoints, EDI, email). Secrets are never returned. */
export function connectorRoutes({ routes, actions }: RouteDeps) {
  routes(
    {
      method: "get",
      path: "/api/v1/connectors",
      tags: ["connectors"],
      summary: "The tenant's connectors, secrets masked",
      access: { scope: "actions:read" },
      responses: {
        200: { description: "Connectors", content: { "application/json": { schema: z.object({ data: z.array(Connector) }) } } },
        ...errorResponses,
      },
    },
    async (c) => c.json({ data: await actions.connectors.list(tenantOf(c)) }),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/connectors",
      tags: ["connectors"],
      summary: "Add a connector (rest, edi or email); its secrets are stored encrypted",
      access: { scope: "connectors:admin" },
      request: { body: { content: { "application/json": { schema: ConnectorInput } }, required: true } },
      responses: {
        201: { description: "Created", content: { "application/json": { schema: Connector } } },
        409: errorResponse("The name is taken"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await actions.connectors.create(writeContextOf(c), c.req.valid("json" as never)), 201),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/connectors/{id}",
      tags: ["connectors"],
      summary: "One connector, secrets masked",
      access: { scope: "actions:read" },
      request: { params: ConnectorParams },
      responses: {
        200: { description: "The connector", content: { "application/json": { schema: Connector } } },
        404: errorResponse("No such connector"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await actions.connectors.get(tenantOf(c), c.req.param("id") as string)),
  );
  routes(
    {
      method: "put",
      path: "/api/v1/connectors/{id}",
      tags: ["connectors"],
      summary: "Replace a connector's name, description and config; a masked secret sent back keeps the stored one",
      access: { scope: "connectors:admin" },
      request: { params: ConnectorParams, body: { content: { "application/json": { schema: ConnectorInput } }, required: true } },
      responses: {
        200: { description: "The connector", content: { "application/json": { schema: Connector } } },
        404: errorResponse("No such connector"),
        409: errorResponse("The name is taken"),
        ...errorResponses,
      },
    },
    async (c) =>
      c.json(await actions.connectors.update(writeContextOf(c), c.req.param("id") as string, c.req.valid("json" as never))),
  );
  routes(
    {
      method: "delete",
      path: "/api/v1/connectors/{id}",
      tags: ["connectors"],
      summary: "Remove a connector; past actions keep saying where they wrote",
      access: { scope: "connectors:admin" },
      request: { params: ConnectorParams },
      responses: {
        200: { description: "The connector removed", content: { "application/json": { schema: Connector } } },
        404: errorResponse("No such connector"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await actions.connectors.remove(writeContextOf(c), c.req.param("id") as string)),
  );
}
