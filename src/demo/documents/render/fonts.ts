import { createRequire } from "node:module";
import { GlobalFonts } from "@napi-rs/canvas";
import type { FontName } from "./surface.ts";

const FAMILIES = {
  sans: {
    family: "Crossdock Demo Sans",
    files: ["DejaVuSansCondensed", "DejaVuSansCondensed-Bold", "DejaVuSansCondensed-Oblique"],
  },
  serif: {
    family: "Crossdock Demo Serif",
    files: ["DejaVuSerifCondensed", "DejaVuSerifCondensed-Bold", "DejaVuSerifCondensed-Italic"],
  },
  mono: { family: "Crossdock Demo Mono", files: ["DejaVuSansMono", "DejaVuSansMono-Bold"] },
} as const;

let registered = false;

/**
 * Registers the DejaVu fonts shipped in the `dejavu-fonts-ttf` package under names of our own, so
 * scans never depend on the fonts installed on the machine. Condensed faces are close in width to
 * Helvetica and Times, the PDF standard fonts the same layouts use on paper.
 */
export function registerScanFonts(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  for (const { family, files } of Object.values(FAMILIES)) {
    for (const file of files) {
      const key = GlobalFonts.registerFromPath(require.resolve(`dejavu-fonts-ttf/ttf/${file}.ttf`), family);
      if (!key) throw new Error(`could not register the font ${file}`);
    }
  }
  registered = true;
}

/** A CSS font for a canvas context, at a size in pixels. */
export function canvasFont(font: FontName, pixels: number): string {
  const [kind, variant] = font.split("-") as [keyof typeof FAMILIES, string | undefined];
  const weight = variant === "bold" ? "bold " : "";
  const style = variant === "oblique" || variant === "italic" ? "italic " : "";
  return `${style}${weight}${pixels.toFixed(2)}px "${FAMILIES[kind].family}"`;
}

/** Where the baseline sits below the top of a line, as a share of the font size (pdfkit's ascenders). */
export function ascent(font: FontName): number {
  if (font.startsWith("mono")) return 0.629;
  if (font.startsWith("serif")) return 0.683;
  return 0.718;
}
