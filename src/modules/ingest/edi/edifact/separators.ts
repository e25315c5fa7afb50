import { isBlank } from "../chars.ts";
import type { EdifactSeparators } from "./types.ts";

/** ISO 9735 defaults, used when there is no UNA: `:+.? '`. */
export const DEFAULT_SEPARATORS: EdifactSeparators = {
  component: ":",
  element: "+",
  decimal: ".",
  release: "?",
  segment: "'",
  lineTerminated: false,
};

export type Advice =
  | { kind: "una"; separators: EdifactSeparators; end: number }
  | { kind: "default"; separators: EdifactSeparators; lineTerminated: boolean }
  | { kind: "error"; message: string };

/**
 * The separators of the interchange at `start`: from the UNA service string advice
 * (`UNA:+.? '`: component, element, decimal mark, release, reserved, terminator), or the defaults.
 * Without a UNA, a first line that ends without "'" means the partner ends segments at line breaks.
 */
export function serviceAdvice(text: string, start: number): Advice {
  if (text.startsWith("UNA", start)) {
    if (text.length < start + 9) return { kind: "error", message: "the UNA service string advice needs 6 characters" };
    const [component, element, decimal, release, , segment] = text.slice(start + 3, start + 9);
    const chosen = [component, element, segment] as string[];
    if (new Set(chosen).size !== 3 || chosen.some((char) => isBlank(char.charCodeAt(0)) && char !== "\n")) {
      return {
        kind: "error",
        message: `the UNA separators ${JSON.stringify(text.slice(start + 3, start + 9))} are not distinct`,
      };
    }
    const lineTerminated = segment === "\n" || segment === "\r";
    return {
      kind: "una",
      separators: {
        component: component as string,
        element: element as string,
        decimal: decimal as string,
        release: release === " " ? "" : (release as string),
        segment: lineTerminated ? "\n" : (segment as string),
        lineTerminated,
      },
      end: start + 9,
    };
  }
  const lineEnd = text.indexOf("\n", start);
  if (lineEnd === -1) return { kind: "default", separators: DEFAULT_SEPARATORS, lineTerminated: false };
  if (text.slice(start, lineEnd).includes("'")) return { kind: "default", separators: DEFAULT_SEPARATORS, lineTerminated: false };
  return { kind: "default", separators: { ...DEFAULT_SEPARATORS, segment: "\n", lineTerminated: true }, lineTerminated: true };
}
