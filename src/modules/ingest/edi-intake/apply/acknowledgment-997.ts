import type { X12FunctionalAcknowledgment } from "../../edi/index.ts";
import { noteAcknowledgment } from "../outbound/document-store.ts";
import type { SetContext, SetResult } from "./set-result.ts";

/**
 * A 997 (or 999) from the partner about documents we sent it: the documents whose control number
 * (GS06) its AK1 names get its verdict (AK9: accepted, accepted with errors, partially accepted,
 * rejected), shown with each document. It writes no record, and is never answered with a 997.
 */
export async function noteFunctionalAcknowledgment(
  c: SetContext,
  ack: X12FunctionalAcknowledgment,
  receiptId: string,
): Promise<SetResult> {
  await noteAcknowledgment(c.db, c.ctx.tenantId, c.partner.id, {
    groupControlNumber: ack.group_control_number,
    status: ack.status,
    receiptId,
    at: c.clock(),
  });
  return { status: "accepted", records: [] };
}
