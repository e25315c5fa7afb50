import { Outlet } from "@tanstack/react-router";
import { Suspense } from "react";
import { BrandingProvider } from "../branding/use-branding.tsx";
import { useMe } from "../session/me.ts";
import { Loading } from "../ui/loading.tsx";
import { KeyboardShortcuts } from "./keyboard-shortcuts.tsx";
import { Sidebar } from "./sidebar.tsx";
import { TenantSwitcher } from "./tenant-switcher.tsx";
import { UserMenu } from "./user-menu.tsx";

/** The signed-in frame: sidebar, top bar, and the page, in the acting tenant's branding. */
export function AppShell() {
  const me = useMe();
  const tenant = me.acting_tenant ?? me.tenant;
  return (
    <BrandingProvider tenant={tenant?.slug}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <div className="shell">
        <Sidebar />
        <div className="shell__body">
          <header className="topbar">
            <TenantSwitcher />
            <UserMenu />
          </header>
          <main id="main" className="shell__main" tabIndex={-1}>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </main>
        </div>
      </div>
      <KeyboardShortcuts />
    </BrandingProvider>
  );
}
