import type { EffectiveBranding } from "../contract.ts";
import { readableOnWhite, shade, textOn } from "./colors.ts";

/** Puts a tenant's colours into the page's CSS variables; every branded surface reads them. */
export function applyBranding(branding: Pick<EffectiveBranding, "primary_color" | "accent_color">): void {
  const root = document.documentElement.style;
  root.setProperty("--brand", branding.primary_color);
  root.setProperty("--brand-strong", shade(branding.primary_color));
  root.setProperty("--on-brand", textOn(branding.primary_color));
  root.setProperty("--brand-text", readableOnWhite(branding.primary_color));
  root.setProperty("--accent", branding.accent_color);
  root.setProperty("--on-accent", textOn(branding.accent_color));
}
