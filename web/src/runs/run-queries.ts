import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../api/client.ts";
import { Action, FlowInfo, Run, RunEvent } from "../contract.ts";

export type RunsSearch = { status?: string; flow?: string; record?: string; before?: string };

export const runsQuery = (search: RunsSearch) =>
  queryOptions({
    queryKey: ["runs", search],
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/runs", {
        query: { limit: 50, ...search },
        schema: z.object({ data: z.array(Run), next_before: z.string().nullable() }),
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });

export const runQuery = (id: string) =>
  queryOptions({
    queryKey: ["runs", "one", id],
    queryFn: ({ signal }) =>
      api("GET", `/api/v1/runs/${encodeURIComponent(id)}`, {
        schema: z.object({ run: Run, timeline: z.array(RunEvent), actions: z.array(Action) }),
        signal,
      }),
    // A running run changes under the eyes of whoever watches it.
    // A running run changes by the second; a waiting one when someone else decides its task.
    refetchInterval: (query) => {
      const status = query.state.data?.run.status;
      return status === "running" ? 1000 : status === "waiting" || status === "parked" ? 5000 : false;
    },
  });

export const flowsQuery = queryOptions({
  queryKey: ["flows"],
  queryFn: ({ signal }) => api("GET", "/api/v1/flows", { schema: z.object({ data: z.array(FlowInfo) }), signal }),
  staleTime: 5 * 60_000,
});

export const controlRun = (id: string, verb: "cancel" | "retry", reason: string) =>
  api("POST", `/api/v1/runs/${encodeURIComponent(id)}/${verb}`, { json: { reason }, schema: Run });

export const startRun = (flow: string, input: Record<string, unknown>) =>
  api("POST", "/api/v1/runs", { json: { flow, input }, schema: Run });
