import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { ApiError, isApiError } from "../api/api-error.ts";
import { api } from "../api/client.ts";
import { PullConnector, type PullConnectorInput, type PullConnectorUpdate, PullRun, Source } from "../contract.ts";

const BASE = "/api/v1/ingest/pull-connectors";
const connectorPath = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

/** The tenant's pull connectors with each resource's last run, read again while on screen (runs move). */
export const pullConnectorsQuery = queryOptions({
  queryKey: ["ingest", "pull-connectors"],
  queryFn: ({ signal }) => api("GET", BASE, { schema: z.object({ data: z.array(PullConnector) }), signal }),
  refetchInterval: 5_000,
});

/** A connector's latest runs of one resource, newest first. */
export const pullRunsQuery = (connectorId: string, resource: string) =>
  queryOptions({
    queryKey: ["ingest", "pull-connectors", connectorId, "runs", resource],
    queryFn: ({ signal }) =>
      api("GET", `${connectorPath(connectorId)}/runs`, {
        query: { resource, limit: "10" },
        schema: z.object({ data: z.array(PullRun), next_cursor: z.string().nullable() }),
        signal,
      }),
    refetchInterval: 5_000,
  });

/**
 * Adds a pull connector; answers with its (first) resource's source, as the sources list shows it.
 * The API names a resource's problems under `resources.<name>.`; those of its mapping are moved to
 * `mapping.`, where the mapping editor looks for them.
 */
export async function createPullConnector(input: PullConnectorInput): Promise<Source> {
  let connector: PullConnector;
  try {
    connector = await api("POST", BASE, { json: input, schema: PullConnector });
  } catch (error) {
    throw mappingProblemsMoved(error, Object.keys(input.resources)[0] ?? "");
  }
  const first = connector.streams[0];
  if (!first) throw new Error(`The connector ${connector.name} was added without a resource`);
  return api("GET", `/api/v1/ingest/sources/${encodeURIComponent(first.source_id)}`, { schema: Source });
}

function mappingProblemsMoved(error: unknown, resource: string): unknown {
  if (!isApiError(error)) return error;
  const prefix = `resources.${resource}.mapping`;
  const details = error.details.map((detail) =>
    detail.path === prefix || detail.path?.startsWith(`${prefix}.`)
      ? { ...detail, path: `mapping${detail.path.slice(prefix.length)}` }
      : detail,
  );
  return new ApiError(error.status, error.code, error.message, details, error.requestId);
}

export const runPullNow = (connectorId: string, resource: string) =>
  api("POST", `${connectorPath(connectorId)}/run`, { json: { resource }, schema: z.object({ data: z.array(z.unknown()) }) });

export const pausePullConnector = (connectorId: string) =>
  api("POST", `${connectorPath(connectorId)}/pause`, { schema: PullConnector });

export const resumePullConnector = (connectorId: string) =>
  api("POST", `${connectorPath(connectorId)}/resume`, { schema: PullConnector });

/** Changes a connector's settings; answers with the connector as changed. */
export const updatePullConnector = (connectorId: string, update: PullConnectorUpdate) =>
  api("PATCH", `/api/v1/ingest/pull-connectors/${encodeURIComponent(connectorId)}`, { json: update, schema: PullConnector });
