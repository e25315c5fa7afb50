import { useQuery } from "@tanstack/react-query";
import { taskNotificationsQuery } from "../../settings-workflows/task-notification-queries.ts";
import { TaskNotificationsForm } from "../../settings-workflows/task-notifications-form.tsx";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";

/** The tenant's task announcements: email, and a signed webhook. */
export function TaskNotificationsPage() {
  const settings = useQuery(taskNotificationsQuery);
  return (
    <>
      <PageHeader
        title="Task notifications"
        subtitle="Besides the inbox, where new, reassigned and escalated tasks are announced."
        windowTitle="Task notifications"
      />
      <ErrorBanner error={settings.error} />
      {settings.isPending ? <Loading /> : null}
      {settings.data ? <TaskNotificationsForm settings={settings.data} /> : null}
    </>
  );
}
