import { AppError } from "../../../../platform/errors.ts";
import { type CompiledMapping, compileMapping } from "../../mapping/index.ts";
import { edi810ApInvoice } from "./edi-810-ap-invoice.ts";
import { edi850SalesOrder } from "./edi-850-sales-order.ts";
import { edi856Shipment } from "./edi-856-shipment.ts";
import type { EdiReadyMapping } from "./edi-ready-mapping.ts";

export type { EdiReadyMapping } from "./edi-ready-mapping.ts";

/** The mappings shipped for EDI sets, by name; a partner names one (`{ "ready": "edi-850-sales-order" }`) or writes its own. */
export const EDI_READY_MAPPINGS: Record<string, EdiReadyMapping> = {
  "edi-850-sales-order": edi850SalesOrder,
  "edi-856-shipment": edi856Shipment,
  "edi-810-ap-invoice": edi810ApInvoice,
};

export type MappedSet = EdiReadyMapping["set"];

/** The ready mapping each set uses unless the partner has its own. */
export const DEFAULT_MAPPING: Record<MappedSet, string> = {
  "850": "edi-850-sales-order",
  "856": "edi-856-shipment",
  "810": "edi-810-ap-invoice",
};

/** The spec a partner's mapping stands for: a ready one by name, or its own. */
function specOf(mapping: Record<string, unknown>): unknown {
  const ready = typeof mapping.ready === "string" && Object.keys(mapping).length === 1 ? mapping.ready : undefined;
  if (ready === undefined) return mapping;
  const found = EDI_READY_MAPPINGS[ready];
  if (!found) {
    throw new AppError("validation_failed", `There is no ready EDI mapping "${ready}"`, {
      details: [{ path: "ready", message: `one of: ${Object.keys(EDI_READY_MAPPINGS).join(", ")}` }],
    });
  }
  return found.spec;
}

/** A partner's mapping for a set compiled, or refused with each problem at its place (`mappings.850.<path>`). */
export function compileSetMapping(set: MappedSet, mapping: Record<string, unknown>): CompiledMapping {
  let spec: unknown;
  try {
    spec = specOf(mapping);
  } catch (error) {
    if (error instanceof AppError) {
      throw new AppError(error.code, error.message, {
        details: error.details.map((detail) => ({ ...detail, path: `mappings.${set}.${detail.path}` })),
      });
    }
    throw error;
  }
  const compiled = compileMapping(spec);
  if (compiled.ok) return compiled.mapping;
  throw new AppError("validation_failed", `The mapping for ${set} cannot be used`, {
    details: compiled.problems.map((problem) => ({
      path: problem.path ? `mappings.${set}.${problem.path}` : `mappings.${set}`,
      message: problem.message,
    })),
  });
}

const cache = new Map<string, CompiledMapping>();

/** The compiled mapping a set of a partner is mapped with (cached by its JSON, so a changed partner compiles anew). */
export function mappingFor(set: MappedSet, own: Record<string, unknown> | undefined): CompiledMapping {
  const mapping = own ?? { ready: DEFAULT_MAPPING[set] };
  const key = `${set}\u0000${JSON.stringify(mapping)}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compileSetMapping(set, mapping);
    if (cache.size > 500) cache.clear();
    cache.set(key, compiled);
  }
  return compiled;
}
