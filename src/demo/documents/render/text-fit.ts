import type { FontName, Surface } from "./surface.ts";

/** Cuts text to what fits a column, as an ERP print truncates a long description. */
export function fitText(surface: Surface, value: string, font: FontName, size: number, maxWidth: number): string {
  if (surface.widthOf(value, font, size) <= maxWidth) return value;
  let length = value.length;
  while (length > 1 && surface.widthOf(value.slice(0, length), font, size) > maxWidth) length--;
  return value.slice(0, length).trimEnd();
}

/** Breaks text into lines no wider than `maxWidth`, at spaces. */
export function wrapText(surface: Surface, value: string, font: FontName, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of value.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && surface.widthOf(candidate, font, size) > maxWidth) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}
