import { useQuery } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect } from "react";
import { DEFAULT_BRANDING, type EffectiveBranding } from "../contract.ts";
import { applyBranding } from "./apply-branding.ts";
import { brandingQuery } from "./branding-query.ts";

/** What the console shows before a tenant's branding has loaded, and if it cannot be loaded. */
export const FALLBACK_BRANDING: EffectiveBranding = {
  ...DEFAULT_BRANDING,
  email_from_name: DEFAULT_BRANDING.product_name,
  sources: {},
  tenant: null,
};

const BrandingContext = createContext<EffectiveBranding>(FALLBACK_BRANDING);

/** Loads the branding of `tenant` (a slug; none for the defaults) and applies it to the page. */
export function BrandingProvider({ tenant, children }: { tenant: string | null | undefined; children: ReactNode }) {
  const { data } = useQuery(brandingQuery(tenant));
  const branding = data ?? FALLBACK_BRANDING;
  useEffect(() => applyBranding(branding), [branding]);
  return <BrandingContext.Provider value={branding}>{children}</BrandingContext.Provider>;
}

export function useBranding(): EffectiveBranding {
  return useContext(BrandingContext);
}

/** Sets the window title as "<page> · <product>". */
export function usePageTitle(page: string): void {
  const { product_name } = useBranding();
  useEffect(() => {
    document.title = page ? `${page} · ${product_name}` : product_name;
  }, [page, product_name]);
}
