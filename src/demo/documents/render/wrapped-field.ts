import type { TruthRecorder } from "../truth/recorder.ts";
import type { FontName, Surface } from "./surface.ts";
import { wrapText } from "./text-fit.ts";

/**
 * Wraps a field's text to a width (keeping at most `maxLines`, the last one cut to fit) and records
 * it: the value as the words printed, joined by spaces; the printed form with its line breaks.
 */
export function wrappedField(
  surface: Surface,
  record: TruthRecorder,
  key: string,
  value: string,
  style: { font: FontName; size: number; width: number; maxLines?: number },
): string[] {
  const lines = wrapText(surface, value, style.font, style.size, style.width).slice(
    0,
    style.maxLines ?? Number.POSITIVE_INFINITY,
  );
  record.record(key, lines.join(" "), lines.join("\n"));
  return lines;
}
