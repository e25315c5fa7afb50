import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../api/client.ts";
import { BulkDecideResult, Task, TaskEvent } from "../contract.ts";

const TaskPage = z.object({ data: z.array(Task), next_before: z.string().nullable() });

export type InboxSearch = { view?: "mine" | "all"; status?: string; flow?: string; overdue?: "true"; before?: string };

export const tasksQuery = (search: InboxSearch) =>
  queryOptions({
    queryKey: ["tasks", search],
    queryFn: ({ signal }) => api("GET", "/api/v1/tasks", { query: { limit: 50, ...search }, schema: TaskPage, signal }),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });

export const taskQuery = (id: string) =>
  queryOptions({
    queryKey: ["tasks", "one", id],
    queryFn: ({ signal }) =>
      api("GET", `/api/v1/tasks/${encodeURIComponent(id)}`, {
        schema: z.object({ task: Task, events: z.array(TaskEvent) }),
        signal,
      }),
  });

export const decideTask = (id: string, body: { option: string; comment?: string; edits?: Record<string, unknown> }) =>
  api("POST", `/api/v1/tasks/${encodeURIComponent(id)}/decision`, { json: body, schema: Task });

export const decideTasks = (body: { task_ids: string[]; option: string; comment?: string }) =>
  api("POST", "/api/v1/tasks/decisions", { json: body, schema: BulkDecideResult });

export const commentOnTask = (id: string, comment: string) =>
  api("POST", `/api/v1/tasks/${encodeURIComponent(id)}/comments`, { json: { comment }, schema: TaskEvent });

export const reassignTask = (id: string, to: { type: "role" | "user" | "queue"; id: string }, comment?: string) =>
  api("POST", `/api/v1/tasks/${encodeURIComponent(id)}/reassign`, {
    json: { to, ...(comment ? { comment } : {}) },
    schema: Task,
  });
