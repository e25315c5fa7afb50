import type { Database } from "../../../../platform/db/database.ts";
import type { TradingPartner } from "../../contract/index.ts";
import { interchangeAcknowledgment, type X12Group, type X12Interchange } from "../../edi/index.ts";
import { storeDocument } from "../outbound/document-store.ts";
import { acknowledgeGroup, type SetVerdict, writeAcknowledgment, writeInterchangeAcknowledgment } from "./functional-ack.ts";

export type AnswerDeps = { db: Database; clock: () => Date };

/** The sets Crossdock takes; any other is answered AK5 R 1 (not supported). */
const HANDLED = ["850", "860", "855", "856", "810", "997", "999"];

/** Our ids and theirs as the partner agreement says, for an answer to the partner (a 997 or a TA1). */
function replyParties(partner: TradingPartner, group?: X12Group) {
  return {
    sender: { ...partner.ours, application: partner.ours.application_id ?? partner.ours.id },
    receiver: {
      ...partner.their,
      application: partner.their.application_id ?? (group?.applicationSender.trim() || partner.their.id),
    },
  };
}

/** The TA1 answering an interchange whose sender asked for one, stored once per receipt and interchange. */
export async function storeInterchangeAcknowledgment(
  deps: AnswerDeps,
  tenantId: string,
  partner: TradingPartner,
  receiptId: string,
  interchange: X12Interchange,
  refused?: { note: string },
): Promise<string> {
  const answer = interchangeAcknowledgment(interchange, refused);
  const at = deps.clock();
  const controlNumber = interchange.controlNumber.trim();
  const { document } = await storeDocument(
    deps.db,
    tenantId,
    partner,
    {
      set: "TA1",
      idempotencyKey: `TA1:${receiptId}:${controlNumber}`,
      answers: {
        receipt_id: receiptId,
        interchange_control_number: controlNumber,
        status: answer.status,
        note_code: answer.note,
      },
      render: (ours) =>
        writeInterchangeAcknowledgment(interchange, answer.segment, { ...replyParties(partner), controlNumber: ours, at }),
    },
    at,
  );
  return document.id;
}

/** The 997 answering one group, stored once per receipt and group (a replay does not answer again). */
export async function storeAcknowledgment(
  deps: AnswerDeps,
  tenantId: string,
  partner: TradingPartner,
  receiptId: string,
  interchange: X12Interchange,
  group: X12Group,
  verdicts: SetVerdict[],
): Promise<string> {
  const supported = HANDLED.filter((set) => partner.sends.includes(set as never));
  const answer = acknowledgeGroup(group, verdicts, { supported });
  const at = deps.clock();
  const { document } = await storeDocument(
    deps.db,
    tenantId,
    partner,
    {
      set: "997",
      idempotencyKey: `997:${receiptId}:${interchange.controlNumber.trim()}:${group.controlNumber.trim()}`,
      answers: {
        receipt_id: receiptId,
        functional_id: group.functionalId,
        group_control_number: group.controlNumber.trim(),
        status: answer.status,
        sets_received: answer.received,
        sets_accepted: answer.accepted,
      },
      render: (controlNumber) =>
        writeAcknowledgment(interchange, group, answer.segments, { ...replyParties(partner, group), controlNumber, at }),
    },
    at,
  );
  return document.id;
}
