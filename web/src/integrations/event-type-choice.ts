import type { WebhookEventType } from "../contract.ts";

/** Event types of one family (`records.…`, `action.…`), which a subscription can take whole with `<prefix>.*`. */
export type EventGroup = { pattern: string; label: string; types: readonly WebhookEventType[] };

const GROUP_LABELS: Record<string, string> = {
  records: "Record changes",
  action: "Writes to systems of record",
};

/** The catalogue by family, in the order the API lists it. */
export function groupEventTypes(types: readonly WebhookEventType[]): EventGroup[] {
  const groups = new Map<string, WebhookEventType[]>();
  for (const type of types) {
    const family = type.type.split(".")[0] ?? type.type;
    groups.set(family, [...(groups.get(family) ?? []), type]);
  }
  return [...groups].map(([family, members]) => ({
    pattern: `${family}.*`,
    label: GROUP_LABELS[family] ?? family.charAt(0).toUpperCase() + family.slice(1).replaceAll("_", " "),
    types: members,
  }));
}

/** What a form shows of a subscription's patterns: those it has boxes for, and the rest as text. */
export function splitPatterns(
  patterns: readonly string[],
  groups: readonly EventGroup[],
): { chosen: ReadonlySet<string>; other: string } {
  const boxes = new Set(["*", ...groups.flatMap((group) => [group.pattern, ...group.types.map((type) => type.type)])]);
  return {
    chosen: new Set(patterns.filter((pattern) => boxes.has(pattern))),
    other: patterns.filter((pattern) => !boxes.has(pattern)).join(", "),
  };
}

/** Whether a type's box shows ticked because everything, or its whole family, is chosen. */
export function coveredBy(type: string, chosen: ReadonlySet<string>): string | null {
  if (chosen.has("*")) return "*";
  const family = `${type.split(".")[0]}.*`;
  return chosen.has(family) ? family : null;
}

/**
 * The patterns to save: the boxes ticked (a type under a chosen family or `*` left out, as the
 * family names it), then the text's patterns, separated by commas or spaces, each once.
 */
export function patternsOf(chosen: ReadonlySet<string>, other: string): string[] {
  const ticked = [...chosen].filter((pattern) => {
    if (pattern === "*") return true;
    if (chosen.has("*")) return false;
    return pattern.endsWith(".*") || coveredBy(pattern, chosen) === null;
  });
  const typed = other
    .split(/[\s,]+/)
    .map((pattern) => pattern.trim())
    .filter(Boolean);
  return [...new Set([...ticked, ...typed])];
}
