import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, Outlet, redirect } from "@tanstack/react-router";
import { actingTenant, setActingTenant } from "../api/acting-tenant.ts";
import { isApiError, isSignedOut } from "../api/api-error.ts";
import { NotFoundPage } from "../pages/not-found.tsx";
import { lastTenant } from "../session/last-tenant.ts";
import { meQuery } from "../session/me.ts";
import { AppShell } from "../shell/app-shell.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";

export type RouterContext = { queryClient: QueryClient };

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

/** Everything behind sign-in: the caller is loaded first, and a missing or ended session goes to sign-in. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(meQuery);
    } catch (error) {
      if (isSignedOut(error)) {
        throw redirect({
          to: "/sign-in",
          search: {
            next: location.href,
            tenant: lastTenant() ?? undefined,
            reason: isApiError(error) && error.code === "session_expired" ? "expired" : undefined,
          },
        });
      }
      // A partner admin's chosen tenant may no longer be theirs: fall back to their own.
      if (isApiError(error) && error.status === 403 && actingTenant()) {
        setActingTenant(null);
        await context.queryClient.ensureQueryData(meQuery);
        return;
      }
      throw error;
    }
  },
  component: AppShell,
  errorComponent: ({ error }) => (
    <div className="sign-in">
      <div className="sign-in__card">
        <ErrorBanner error={error} title="The console could not start" />
        <a href="/">Try again</a>
      </div>
    </div>
  ),
});
