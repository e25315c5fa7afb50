import { AppError } from "../../../../platform/errors.ts";
import type { X12Invoice, X12PurchaseOrder, X12ShipNotice } from "../../edi/index.ts";
import { applyMapping } from "../../mapping/index.ts";
import { mappingFor } from "../mappings/index.ts";
import { envelopeView, invoiceView, purchaseOrderView, shipNoticeView } from "../process/edi-view.ts";
import { atSegment, locateMappingProblem } from "../process/locate-problem.ts";
import { held, rejected, type SetContext, type SetResult } from "./set-result.ts";
import { writeRecords } from "./write-records.ts";

/** Fields a partner setting stands in for when the document does not carry them: missing, the setting is what to fix. */
const FROM_PARTNER = /^[a-z_]+\.(customer_external_id|supplier_external_id):/;

/**
 * An 850, 856 or 810 through the mapping engine: the set's view (typed read, computed values,
 * partner, envelope) mapped with the partner's mapping for the set (the ready one unless it has its
 * own), then written. A problem in the document rejects the set; a problem only a partner setting
 * can fix (no customer named and none set for the partner) holds it.
 */
export async function mapSet(c: SetContext, document: X12PurchaseOrder | X12ShipNotice | X12Invoice): Promise<SetResult> {
  const envelope = envelopeView(c.partner, c.interchange, c.group, c.set);
  const view =
    document.transaction === "850"
      ? purchaseOrderView(document, envelope)
      : document.transaction === "856"
        ? shipNoticeView(document, envelope)
        : invoiceView(document, envelope);
  let mapping: ReturnType<typeof mappingFor>;
  try {
    mapping = mappingFor(document.transaction, c.partner.mappings[document.transaction]);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details = error.details.map((detail) => `${detail.path}: ${detail.message}`).join("; ");
    return held("map", [
      atSegment(c.set, c.set.header, `The partner's mapping for ${document.transaction} cannot be used: ${details}`),
    ]);
  }
  const result = applyMapping(mapping, view, { sourceSystem: c.partner.source_system });
  if (result.problems.length > 0) {
    const problems = result.problems.map((problem) => locateMappingProblem(c.set, problem));
    const onlySettings = result.problems.every((problem) => FROM_PARTNER.test(problem.message));
    return onlySettings ? held("map", problems) : rejected("map", problems);
  }
  return writeRecords(
    c,
    result.records.map((record) => ({ type: record.type, row: { ...record.row, source_system: c.partner.source_system } })),
  );
}
