import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { isApiError, isSignedOut } from "./api/api-error.ts";
import { createConsoleRouter } from "./router.tsx";
import { lastTenant } from "./session/last-tenant.ts";
import "./styles/app.css";

/** When the session ends mid-work (expired, revoked, user disabled), go to sign-in and come back after. */
function onApiError(error: unknown) {
  if (!isSignedOut(error) || window.location.pathname === "/sign-in" || window.location.pathname === "/set-password") return;
  queryClient.clear();
  void router.navigate({
    to: "/sign-in",
    search: {
      next: `${window.location.pathname}${window.location.search}`,
      tenant: lastTenant() ?? undefined,
      reason: "expired",
    },
  });
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a dropped connection may.
      retry: (failures, error) => failures < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
    },
  },
});

const router = createConsoleRouter(queryClient);

const root = document.getElementById("root");
if (!root) throw new Error("the page has no #root element");
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
