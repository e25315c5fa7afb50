import type { WriteContext } from "../../../../platform/actor.ts";
import type { Database } from "../../../../platform/db/database.ts";
import type { Records } from "../../../records/index.ts";
import type { ProducedRecord, QuarantineReason, ReceivedSet, TradingPartner } from "../../contract/index.ts";
import {
  type EdiDiagnostic,
  formatDiagnostic,
  interchangeAcknowledgment,
  readTransactionSet,
  readX12,
  type X12Group,
  type X12Interchange,
  type X12TransactionSet,
} from "../../edi/index.ts";
import {
  acknowledgeGroup,
  type SetVerdict,
  writeAcknowledgment,
  writeInterchangeAcknowledgment,
} from "../acknowledge/functional-ack.ts";
import { noteFunctionalAcknowledgment } from "../apply/acknowledgment-997.ts";
import { mapSet } from "../apply/map-set.ts";
import { applyPurchaseOrderAcknowledgment } from "../apply/po-acknowledgment-855.ts";
import { applySalesOrderChange } from "../apply/sales-order-change-860.ts";
import { rejected, type SetContext, type SetResult } from "../apply/set-result.ts";
import { storeDocument } from "../outbound/document-store.ts";
import { describeSegment, type LocatedProblem } from "./locate-problem.ts";

/** The sets Crossdock takes; any other is answered AK5 R 1 (not supported). */
const HANDLED = ["850", "860", "855", "856", "810", "997", "999"];

export type ProcessInterchangeDeps = { db: Database; records: Records; clock: () => Date };

export type InterchangeResult = {
  status: "processed" | "quarantined";
  reason: QuarantineReason | null;
  produced: ProducedRecord[];
  /** The first interchange's envelope, for the interchange's row (a file may hold several). */
  envelope: { sender: string; receiver: string; controlNumber: string; usage: string } | null;
  sets: ReceivedSet[];
  acknowledgments: string[];
};

/** A problem as a receipt keeps it. */
type ReceiptProblem = { path: string; message: string };

const STAGES = ["parse", "map", "validate"] as const;
type Stage = (typeof STAGES)[number];

const party = (qualifier: string, id: string) => `${qualifier.trim()}:${id.trim()}`;

function diagnosticProblem(diagnostic: EdiDiagnostic, set?: X12TransactionSet): ReceiptProblem {
  const { id, index, offset } = diagnostic.segment;
  const where = set
    ? `${set.id} ${set.controlNumber} › ${id || "(start)"} (position ${index - set.header.index + 1} in the set; segment ${index}, byte ${offset} of the file)`
    : `${id || "(start)"} (segment ${index}, byte ${offset} of the file)`;
  return { path: where, message: formatDiagnostic(diagnostic) };
}

async function handleSet(c: SetContext, receiptId: string): Promise<SetResult> {
  const { set, partner } = c;
  const errors = set.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) {
    // The reader's own verdict: the 997 writer answers these (AK3 for a bad segment, AK5 codes for trailers).
    return rejected(
      "parse",
      errors.map((diagnostic) => {
        const problem = diagnosticProblem(diagnostic, set);
        return {
          ...problem,
          error: { segment: diagnostic.segment.id, position: diagnostic.segment.index - set.header.index + 1, code: "8" },
        };
      }),
    );
  }
  const notTaken = (message: string): SetResult =>
    rejected("parse", [{ path: describeSegment(set, set.header), message, error: { segment: "ST", position: 1, code: "8" } }]);
  if (!partner.sends.includes(set.id as never)) {
    return notTaken(`${partner.name} is not set up to send ${set.id} (it sends ${partner.sends.join(", ")})`);
  }
  const document = readTransactionSet(set);
  switch (document?.transaction) {
    case "850":
    case "856":
    case "810":
      return mapSet(c, document);
    case "860":
      return applySalesOrderChange(c, document);
    case "855":
      return applyPurchaseOrderAcknowledgment(c, document);
    case "997":
    case "999":
      return noteFunctionalAcknowledgment(c, document, receiptId);
    case undefined:
      return notTaken(`Crossdock does not take transaction set ${set.id}`);
    default:
      return document satisfies never;
  }
}

function toReceivedSet(group: X12Group, set: X12TransactionSet, result: SetResult): ReceivedSet {
  return {
    functional_id: group.functionalId,
    group_control_number: group.controlNumber.trim(),
    set: set.id,
    control_number: set.controlNumber.trim(),
    status: result.status,
    records: result.status === "accepted" ? result.records : [],
    problems: result.status === "accepted" ? [] : result.problems.map(({ path, message }) => ({ path, message })),
  };
}

/**
 * One interchange receipt: read; each set checked, mapped and written (or rejected, or held);
 * each functional group answered with a 997 (unless it is itself an acknowledgment, or the partner
 * wants none), stored under our next control number once per receipt and group, so a replay or a
 * run after a crash does not answer twice. The receipt is processed when every set was taken and
 * the envelope is whole; otherwise quarantined with every problem at its segment. Records of the
 * sets that were taken are written all the same (and listed as its lineage); a replay writes
 * them again unchanged.
 */
export async function processInterchange(
  deps: ProcessInterchangeDeps,
  tenantId: string,
  receiptId: string,
  partner: TradingPartner,
  body: Buffer,
): Promise<InterchangeResult> {
  const read = readX12(body);
  const ctx: WriteContext = { tenantId, actor: { type: "system", id: partner.source_id, label: `ingest:edi-${partner.name}` } };
  const problems: ReceiptProblem[] = [];
  const stages = new Set<Stage>();
  const sets: ReceivedSet[] = [];
  const acknowledgments: string[] = [];

  const inSets = new Set<EdiDiagnostic>();
  for (const interchange of read.interchanges)
    for (const group of interchange.groups) for (const set of group.sets) for (const d of set.diagnostics) inSets.add(d);
  for (const diagnostic of read.diagnostics) {
    if (diagnostic.severity !== "error" || inSets.has(diagnostic)) continue;
    problems.push(diagnosticProblem(diagnostic));
    stages.add("parse");
  }
  if (read.interchanges.length === 0 && problems.length === 0) {
    problems.push({ path: "$", message: "No X12 interchange could be read from the body" });
    stages.add("parse");
  }

  for (const interchange of read.interchanges) {
    const sender = party(interchange.senderQualifier, interchange.senderId);
    const receiver = party(interchange.receiverQualifier, interchange.receiverId);
    const expected = {
      sender: party(partner.their.qualifier, partner.their.id),
      receiver: party(partner.ours.qualifier, partner.ours.id),
    };
    if (sender !== expected.sender || receiver !== expected.receiver) {
      if (interchange.acknowledgmentRequested) {
        // Not to us (008), or not from this partner (006): refused whole.
        const note = receiver !== expected.receiver ? "008" : "006";
        acknowledgments.push(await storeInterchangeAcknowledgment(deps, tenantId, partner, receiptId, interchange, { note }));
      }
      problems.push({
        path: `ISA (segment ${interchange.header.index}, byte ${interchange.header.offset} of the file)`,
        message: `The interchange is from ${sender} to ${receiver}; ${partner.name}'s are from ${expected.sender} to ${expected.receiver}. Nothing in it was taken: fix the partner's ids and replay`,
      });
      stages.add("map");
      continue;
    }
    for (const group of interchange.groups) {
      const verdicts: SetVerdict[] = [];
      for (const set of group.sets) {
        const c: SetContext = { db: deps.db, records: deps.records, ctx, partner, interchange, group, set, clock: deps.clock };
        const result = await handleSet(c, receiptId);
        verdicts.push({
          accepted: result.status !== "rejected",
          errors: result.status === "rejected" ? result.problems.map((problem: LocatedProblem) => problem.error) : [],
        });
        sets.push(toReceivedSet(group, set, result));
        if (result.status !== "accepted") {
          stages.add(result.stage);
          problems.push(...result.problems.map(({ path, message }) => ({ path, message })));
        }
      }
      if (group.functionalId !== "FA" && partner.acknowledge) {
        const id = await storeAcknowledgment(deps, tenantId, partner, receiptId, interchange, group, verdicts);
        acknowledgments.push(id);
      }
    }
    if (interchange.acknowledgmentRequested) {
      acknowledgments.push(await storeInterchangeAcknowledgment(deps, tenantId, partner, receiptId, interchange));
    }
  }

  const produced = dedupe(sets.flatMap((set) => set.records));
  const first = read.interchanges[0];
  const envelope = first
    ? {
        sender: party(first.senderQualifier, first.senderId),
        receiver: party(first.receiverQualifier, first.receiverId),
        controlNumber: first.controlNumber.trim(),
        usage: first.usage,
      }
    : null;
  if (problems.length === 0) return { status: "processed", reason: null, produced, envelope, sets, acknowledgments };
  const stage = STAGES.find((candidate) => stages.has(candidate)) ?? "parse";
  return {
    status: "quarantined",
    reason: { stage, message: summary(sets, problems.length, read.interchanges.length > 0), problems: problems.slice(0, 100) },
    produced,
    envelope,
    sets,
    acknowledgments,
  };
}

function summary(sets: ReceivedSet[], problems: number, read: boolean): string {
  if (!read) return "The body holds no X12 interchange that can be read";
  const rejectedSets = sets.filter((set) => set.status === "rejected").length;
  const heldSets = sets.filter((set) => set.status === "held").length;
  if (rejectedSets + heldSets === 0) {
    return `The interchange's envelope is broken or not addressed as the partner's are (${problems} problem${problems === 1 ? "" : "s"}); its complete sets were taken`;
  }
  const parts = [
    rejectedSets > 0 ? `${rejectedSets} rejected (the 997 says so; the partner should correct and resend them)` : "",
    heldSets > 0
      ? `${heldSets} held (received well; fix the partner's settings or wait for what they refer to, then replay)`
      : "",
  ].filter(Boolean);
  return `${rejectedSets + heldSets} of ${sets.length} transaction sets were not taken: ${parts.join(", ")}`;
}

function dedupe(records: ProducedRecord[]): ProducedRecord[] {
  const seen = new Set<string>();
  return records.filter((record) => !seen.has(record.id) && Boolean(seen.add(record.id)));
}

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
async function storeInterchangeAcknowledgment(
  deps: ProcessInterchangeDeps,
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
async function storeAcknowledgment(
  deps: ProcessInterchangeDeps,
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
