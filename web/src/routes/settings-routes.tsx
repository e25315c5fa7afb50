import { createRoute, redirect } from "@tanstack/react-router";
import type { ReactElement } from "react";
import { ApiKeysPage } from "../pages/settings/api-keys-page.tsx";
import { BrandingPage } from "../pages/settings/branding-page.tsx";
import { ConnectorsPage } from "../pages/settings/connectors-page.tsx";
import { DelegationsPage } from "../pages/settings/delegations-page.tsx";
import { DocumentSettingsPage } from "../pages/settings/documents-page.tsx";
import { PoliciesPage } from "../pages/settings/policies-page.tsx";
import { SettingsLayout } from "../pages/settings/settings-layout.tsx";
import { TaskNotificationsPage } from "../pages/settings/task-notifications-page.tsx";
import { UsersPage } from "../pages/settings/users-page.tsx";
import { WorkQueuesPage } from "../pages/settings/work-queues-page.tsx";
import { meQuery } from "../session/me.ts";
import { RequireScope } from "../session/require-scope.tsx";
import { SETTINGS_SECTIONS } from "../settings/settings-sections.ts";
import { appRoute } from "./app-route.tsx";

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/settings",
  component: () => (
    <RequireScope scopes={SETTINGS_SECTIONS.flatMap((section) => section.scopes)} what="settings">
      <SettingsLayout />
    </RequireScope>
  ),
});

const settingsIndexRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/",
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    const first = SETTINGS_SECTIONS.find((section) => section.scopes.some((scope) => me.scopes.includes(scope)));
    if (first) throw redirect({ to: first.path });
  },
});

/** Each settings section's page; its path, label and the scopes it needs are the section's own. */
const SETTINGS_PAGES: Record<(typeof SETTINGS_SECTIONS)[number]["path"], () => ReactElement> = {
  "/settings/users": UsersPage,
  "/settings/api-keys": ApiKeysPage,
  "/settings/branding": BrandingPage,
  "/settings/policies": PoliciesPage,
  "/settings/connectors": ConnectorsPage,
  "/settings/work-queues": WorkQueuesPage,
  "/settings/delegations": DelegationsPage,
  "/settings/task-notifications": TaskNotificationsPage,
  "/settings/documents": DocumentSettingsPage,
};

/** "Users and roles" → "users and roles"; "API keys" stays. */
const asPhrase = (label: string) => (/^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1));

/** A section's path under /settings, its literal type kept, so links to it stay type-checked. */
const withinSettings = <P extends string>(path: `/settings${P}`): P => path.slice("/settings".length) as P;

const settingsSectionRoutes = SETTINGS_SECTIONS.map((section) => {
  const Page = SETTINGS_PAGES[section.path];
  return createRoute({
    getParentRoute: () => settingsRoute,
    path: withinSettings(section.path),
    component: () => (
      <RequireScope scopes={section.scopes} what={asPhrase(section.label)}>
        <Page />
      </RequireScope>
    ),
  });
});

/** Settings: one page per section the caller's scopes reach. */
export const settingsRouteTree = settingsRoute.addChildren([settingsIndexRoute, ...settingsSectionRoutes]);
