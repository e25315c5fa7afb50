import type { WriteContext } from "../../../../platform/actor.ts";
import type { Records } from "../../../records/index.ts";
import type { ProducedRecord, QuarantineReason, ReceivedSet, TradingPartner } from "../../contract/index.ts";
import {
  type EdiDiagnostic,
  formatDiagnostic,
  iterateX12,
  readTransactionSet,
  type X12Group,
  type X12Interchange,
  type X12Summary,
  type X12TransactionSet,
} from "../../edi/index.ts";
import type { SetVerdict } from "../acknowledge/functional-ack.ts";
import { type AnswerDeps, storeAcknowledgment, storeInterchangeAcknowledgment } from "../acknowledge/store-answers.ts";
import { noteFunctionalAcknowledgment } from "../apply/acknowledgment-997.ts";
import { mapSet } from "../apply/map-set.ts";
import { applyPurchaseOrderAcknowledgment } from "../apply/po-acknowledgment-855.ts";
import { applySalesOrderChange } from "../apply/sales-order-change-860.ts";
import { rejected, type SetContext, type SetResult } from "../apply/set-result.ts";
import { describeSegment, type LocatedProblem } from "./locate-problem.ts";

export type ProcessInterchangeDeps = AnswerDeps & { records: Records };

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

/** What a group's 997 needs of its sets once they are handled: each set without its segments, and its verdict. */
type GroupAnswers = { sets: X12TransactionSet[]; verdicts: SetVerdict[] };

/**
 * One interchange receipt, read a transaction set at a time (`iterateX12`: a large interchange
 * costs its text and one set, not a tree of every segment): each set checked, mapped and written
 * (or rejected, or held) as it closes; each functional group answered with a 997 when it closes
 * (unless it is itself an acknowledgment, or the partner wants none), stored under our next
 * control number once per receipt and group, so a replay or a run after a crash does not answer
 * twice. The receipt is processed when every set was taken and the envelope is whole; otherwise
 * quarantined with every problem at its segment. Records of the sets that were taken are written
 * all the same (and listed as its lineage); a replay writes them again unchanged.
 */
export async function processInterchange(
  deps: ProcessInterchangeDeps,
  tenantId: string,
  receiptId: string,
  partner: TradingPartner,
  body: Buffer,
): Promise<InterchangeResult> {
  const ctx: WriteContext = { tenantId, actor: { type: "system", id: partner.source_id, label: `ingest:edi-${partner.name}` } };
  const problems: ReceiptProblem[] = [];
  const stages = new Set<Stage>();
  const sets: ReceivedSet[] = [];
  const acknowledgments: string[] = [];
  const answers = new Map<X12Group, GroupAnswers>();
  const inSets = new Set<EdiDiagnostic>();
  let first: X12Interchange | null = null;
  let summary: X12Summary | null = null;

  for (const event of iterateX12(body)) {
    switch (event.type) {
      case "set": {
        const { interchange, group, set } = event;
        for (const diagnostic of set.diagnostics) inSets.add(diagnostic);
        if (misaddressed(partner, interchange)) break;
        const c: SetContext = { db: deps.db, records: deps.records, ctx, partner, interchange, group, set, clock: deps.clock };
        const result = await handleSet(c, receiptId);
        const answer = answers.get(group) ?? { sets: [], verdicts: [] };
        answers.set(group, answer);
        answer.sets.push({ ...set, segments: [] });
        answer.verdicts.push({
          accepted: result.status !== "rejected",
          errors: result.status === "rejected" ? result.problems.map((problem: LocatedProblem) => problem.error) : [],
        });
        sets.push(toReceivedSet(group, set, result));
        if (result.status !== "accepted") {
          stages.add(result.stage);
          problems.push(...result.problems.map(({ path, message }) => ({ path, message })));
        }
        break;
      }
      case "group": {
        const { interchange, group } = event;
        const answer = answers.get(group) ?? { sets: [], verdicts: [] };
        answers.delete(group);
        if (misaddressed(partner, interchange) || group.functionalId === "FA" || !partner.acknowledge) break;
        const received = { ...group, sets: answer.sets };
        acknowledgments.push(
          await storeAcknowledgment(deps, tenantId, partner, receiptId, interchange, received, answer.verdicts),
        );
        break;
      }
      case "interchange": {
        const { interchange } = event;
        first ??= interchange;
        const wrong = misaddressed(partner, interchange);
        if (wrong) {
          if (interchange.acknowledgmentRequested) {
            // Not to us (008), or not from this partner (006): refused whole.
            const refused = { note: wrong.receiver !== wrong.expected.receiver ? "008" : "006" };
            acknowledgments.push(await storeInterchangeAcknowledgment(deps, tenantId, partner, receiptId, interchange, refused));
          }
          problems.push({
            path: `ISA (segment ${interchange.header.index}, byte ${interchange.header.offset} of the file)`,
            message: `The interchange is from ${wrong.sender} to ${wrong.receiver}; ${partner.name}'s are from ${wrong.expected.sender} to ${wrong.expected.receiver}. Nothing in it was taken: fix the partner's ids and replay`,
          });
          stages.add("map");
        } else if (interchange.acknowledgmentRequested) {
          acknowledgments.push(await storeInterchangeAcknowledgment(deps, tenantId, partner, receiptId, interchange));
        }
        break;
      }
      case "end":
        summary = event.summary;
        break;
    }
  }

  // The reader's own errors outside any set (envelopes, stray segments) come first, as they are read.
  const envelopeProblems: ReceiptProblem[] = [];
  for (const diagnostic of summary?.diagnostics ?? []) {
    if (diagnostic.severity !== "error" || inSets.has(diagnostic)) continue;
    envelopeProblems.push(diagnosticProblem(diagnostic));
    stages.add("parse");
  }
  if (first === null && envelopeProblems.length === 0 && problems.length === 0) {
    envelopeProblems.push({ path: "$", message: "No X12 interchange could be read from the body" });
    stages.add("parse");
  }
  problems.unshift(...envelopeProblems);

  const produced = dedupe(sets.flatMap((set) => set.records));
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
    reason: { stage, message: summarize(sets, problems.length, first !== null), problems: problems.slice(0, 100) },
    produced,
    envelope,
    sets,
    acknowledgments,
  };
}

/** How an interchange not addressed as the partner's are differs from theirs; null when it is theirs. */
function misaddressed(partner: TradingPartner, interchange: X12Interchange) {
  const sender = party(interchange.senderQualifier, interchange.senderId);
  const receiver = party(interchange.receiverQualifier, interchange.receiverId);
  const expected = {
    sender: party(partner.their.qualifier, partner.their.id),
    receiver: party(partner.ours.qualifier, partner.ours.id),
  };
  return sender === expected.sender && receiver === expected.receiver ? null : { sender, receiver, expected };
}

function summarize(sets: ReceivedSet[], problems: number, read: boolean): string {
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
