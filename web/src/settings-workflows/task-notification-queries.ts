import { queryOptions } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import { NotificationSettings, type NotificationSettingsInput } from "../contract.ts";

export const taskNotificationsQuery = queryOptions({
  queryKey: ["task-notifications"],
  queryFn: ({ signal }) => api("GET", "/api/v1/task-notifications", { schema: NotificationSettings, signal }),
});

/** Fields left out keep their value; a null webhook secret removes it. */
export const saveTaskNotifications = (input: NotificationSettingsInput) =>
  api("PUT", "/api/v1/task-notifications", { json: input, schema: NotificationSettings });
