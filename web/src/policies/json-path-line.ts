import { ACTION_KIND_NAMES } from "../contract.ts";

/**
 * The line (1-based) of a data problem's path in pretty-printed JSON, for the editor to point at:
 * "data.kinds.sales_order.create.min_confidence" → the `"min_confidence"` key inside
 * `"sales_order.create"`. Kind names hold dots, so they are matched whole. Null when not found.
 */
export function lineOfJsonPath(json: string, path: string): number | null {
  let rest = path.replace(/^data\.?/, "");
  const keys: string[] = [];
  while (rest !== "") {
    const kind = ACTION_KIND_NAMES.find((name) => rest === name || rest.startsWith(`${name}.`));
    const key = kind ?? rest.split(".")[0] ?? "";
    keys.push(key);
    rest = rest.slice(key.length + 1);
  }
  let at = -1;
  for (const key of keys) {
    if (/^\d+$/.test(key)) continue; // an array index: the key before it is as close as a line gets
    const found = json.indexOf(`${JSON.stringify(key)}:`, at + 1);
    if (found < 0) break;
    at = found;
  }
  return at < 0 ? null : json.slice(0, at).split("\n").length;
}
