import { type JsonParse, parseJson } from "./json-lines.ts";

/** What the mapping editor holds: a ready mapping by name, or the tenant's own as JSON text. */
export type MappingDraft = { mode: "ready"; ready: string } | { mode: "custom"; text: string };

/** A problem with the mapping, at its path in the spec ("" for the whole of it) and, when found, its line. */
export type MappingProblem = { path: string; message: string; line: number | null };

/**
 * Where a custom mapping starts: a sales order with lines from an order webhook, which the server
 * accepts as it is; the format is src/modules/ingest/mapping/README.md.
 */
export const CUSTOM_MAPPING_START = JSON.stringify(
  {
    version: 1,
    description: "Order webhook → sales order with lines",
    records: [
      {
        type: "sales_order",
        fields: {
          external_id: "id",
          order_number: "number",
          customer_external_id: "customer.id",
          status: { path: "status", map: { values: { OPEN: "open", HOLD: "on_hold", CLOSED: "closed" }, ignore_case: true } },
          order_date: { path: "created_at", datetime: { format: "iso" } },
          currency: { path: "currency", default: "USD" },
        },
        collections: {
          lines: {
            each: "lines[*]",
            fields: {
              line_number: { position: 1 },
              item_external_id: "sku",
              quantity: "qty",
              uom: { path: "uom", default: "EA" },
              unit_price: "price",
            },
          },
        },
      },
    ],
  },
  null,
  2,
);

/** The name of the ready mapping a saved mapping is (`{ "ready": name }` and nothing else), if it is one. */
export function readyName(mapping: Record<string, unknown>): string | null {
  const keys = Object.keys(mapping);
  return keys.length === 1 && typeof mapping.ready === "string" ? mapping.ready : null;
}

export function draftOfMapping(mapping: Record<string, unknown>): MappingDraft {
  const ready = readyName(mapping);
  return ready !== null ? { mode: "ready", ready } : { mode: "custom", text: JSON.stringify(mapping, null, 2) };
}

/** The mapping as the API takes it; or, for JSON that does not parse or is not an object, the problem and its line. */
export function mappingOfDraft(
  draft: MappingDraft,
): { ok: true; mapping: Record<string, unknown> } | { ok: false; problem: MappingProblem } {
  if (draft.mode === "ready") {
    return draft.ready
      ? { ok: true, mapping: { ready: draft.ready } }
      : { ok: false, problem: { path: "ready", message: "choose a ready mapping", line: null } };
  }
  const parsed: JsonParse = parseJson(draft.text);
  if (!parsed.ok) return { ok: false, problem: { path: "", message: parsed.message, line: parsed.line } };
  if (parsed.value === null || typeof parsed.value !== "object" || Array.isArray(parsed.value)) {
    return { ok: false, problem: { path: "", message: "a mapping is a JSON object ({ … })", line: 1 } };
  }
  return { ok: true, mapping: parsed.value as Record<string, unknown> };
}

/** A path the API reports for a source's mapping ("mapping.records[0].type"), as a path in the spec. */
export function specPathOf(apiPath: string): string | null {
  if (apiPath === "mapping") return "";
  if (apiPath.startsWith("mapping.")) return apiPath.slice("mapping.".length);
  if (apiPath.startsWith("mapping[")) return apiPath.slice("mapping".length);
  return null;
}
