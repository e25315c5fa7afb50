import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../api/client.ts";
import { WorkQueue, type WorkQueueInput } from "../contract.ts";

export const workQueuesQuery = queryOptions({
  queryKey: ["work-queues"],
  queryFn: ({ signal }) => api("GET", "/api/v1/work-queues", { schema: z.object({ data: z.array(WorkQueue) }), signal }),
});

/** Creates a queue, or replaces the one of that name. */
export const saveWorkQueue = (input: WorkQueueInput) => api("PUT", "/api/v1/work-queues", { json: input, schema: WorkQueue });
