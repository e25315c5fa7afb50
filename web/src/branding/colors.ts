/** Relative luminance of a #rrggbb colour (WCAG 2). */
export function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** White or near-black text, whichever reads better on the given background. */
export function textOn(background: string): string {
  return contrastRatio(background, "#ffffff") >= contrastRatio(background, "#111827") ? "#ffffff" : "#111827";
}

/** A darker shade of a colour, for hover and pressed states. */
export function shade(hex: string, amount = 0.15): string {
  const darker = (offset: number) =>
    Math.round(Number.parseInt(hex.slice(offset, offset + 2), 16) * (1 - amount))
      .toString(16)
      .padStart(2, "0");
  return `#${darker(1)}${darker(3)}${darker(5)}`;
}

/**
 * The brand colour darkened until it reads as text on white (WCAG AA, 4.5:1): links and the brand
 * mark use it, so a pale brand colour never makes them vanish.
 */
export function readableOnWhite(hex: string): string {
  let colour = hex;
  for (let step = 0; step < 40 && contrastRatio(colour, "#ffffff") < 4.5; step++) colour = shade(colour, 0.08);
  return colour;
}
