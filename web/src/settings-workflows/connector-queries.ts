import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../api/client.ts";
import { Connector, type ConnectorInput } from "../contract.ts";

export const connectorsQuery = queryOptions({
  queryKey: ["connectors"],
  queryFn: ({ signal }) => api("GET", "/api/v1/connectors", { schema: z.object({ data: z.array(Connector) }), signal }),
});

/** Creates a connector, or (with the id of one) replaces its name, description and config. */
export const saveConnector = (id: string | null, input: ConnectorInput) =>
  id
    ? api("PUT", `/api/v1/connectors/${encodeURIComponent(id)}`, { json: input, schema: Connector })
    : api("POST", "/api/v1/connectors", { json: input, schema: Connector });

export const deleteConnector = (id: string) =>
  api("DELETE", `/api/v1/connectors/${encodeURIComponent(id)}`, { schema: Connector });
