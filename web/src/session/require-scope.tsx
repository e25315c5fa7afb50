import type { ReactNode } from "react";
import { ForbiddenPage } from "../pages/forbidden.tsx";
import { useMe } from "./me.ts";

/** Renders the page only for holders of one of `scopes`; others see why they cannot. */
export function RequireScope({ scopes, what, children }: { scopes: readonly string[]; what: string; children: ReactNode }) {
  const me = useMe();
  if (!scopes.some((scope) => me.scopes.includes(scope))) return <ForbiddenPage what={what} scopes={scopes} />;
  return <>{children}</>;
}
