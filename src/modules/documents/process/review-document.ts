import type { WriteContext } from "../../../platform/actor.ts";
import { actorRef } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { appendEvents } from "../../../platform/events/event-log.ts";
import { appendAudit } from "../../governance/index.ts";
import type { DocumentKind } from "../classify/document-kinds.ts";
import type { DocumentDetail, FieldValue, ReviewInput } from "../contract/documents.ts";
import { readDocument } from "../extract/read-document.ts";
import { learnRule } from "../learn/template-rules.ts";
import { documentIn, documentPages, fileSenderOf, recordReview } from "../store/document-store.ts";
import { learnKind, learnRules } from "../store/template-store.ts";
import type { PageText } from "../text/page-text.ts";
import { identityOf } from "./document-identity.ts";
import { routeDocument } from "./route-document.ts";
import { documentEvent } from "./store-outcome.ts";

/** A value a person typed: certain, and shown where it was printed when it reads as printed there. */
function typed(value: string, before: FieldValue | undefined): FieldValue {
  const same = before && (before.value === value || before.printed === value);
  return { value, printed: same ? before.printed : value, confidence: 1, location: same ? before.location : null };
}

function reread(pages: PageText[], kind: DocumentKind): Pick<DocumentDetail, "fields" | "lines"> {
  const read = readDocument({ kind: "pdf", pages }, { kind });
  return { fields: read.fields, lines: read.lines };
}

function correctFields(document: DocumentDetail, corrections: ReviewInput["fields"]) {
  const fields = { ...document.fields };
  const corrected: Record<string, { from: string | null; to: string | null }> = {};
  for (const [field, value] of Object.entries(corrections ?? {})) {
    const before = fields[field];
    if (value === null) {
      if (before) corrected[field] = { from: before.value, to: null };
      delete fields[field];
      continue;
    }
    if (before?.value !== value) corrected[field] = { from: before?.value ?? null, to: value };
    fields[field] = typed(value, before);
  }
  return { fields, corrected };
}

function correctLines(document: DocumentDetail, lines: ReviewInput["lines"]) {
  if (!lines) return { lines: document.lines, changed: false };
  const corrected = lines.map((line, index) => ({
    fields: Object.fromEntries(
      Object.entries(line).map(([field, value]) => [field, typed(value, document.lines[index]?.fields[field])]),
    ),
  }));
  const changed =
    corrected.length !== document.lines.length ||
    corrected.some((line, index) => {
      const before = document.lines[index]?.fields ?? {};
      const keys = new Set([...Object.keys(line.fields), ...Object.keys(before)]);
      return [...keys].some((key) => line.fields[key]?.value !== before[key]?.value);
    });
  return { lines: corrected, changed };
}

export type ReviewOutcome = { document: DocumentDetail; review: NonNullable<DocumentDetail["review"]> };

/**
 * A person's decision on a document in the review queue: approved (with their corrections, which
 * are certain from then on) and routed as a document that went straight through would be, or
 * rejected with the reason. Either is audited and leaves a `document.reviewed` event.
 */
export async function reviewDocument(
  db: Database,
  ctx: WriteContext,
  id: string,
  input: ReviewInput,
  now: Date,
): Promise<ReviewOutcome> {
  return withTenant(db, ctx.tenantId, async (tx) => {
    const document = await documentIn(tx, id, { forUpdate: true });
    if (document.status !== "review") {
      throw new AppError("conflict", `Document ${id} is ${document.status.replace("_", " ")}, not waiting for review`);
    }
    const kind = input.kind ?? document.kind;
    // Another kind has other fields and parties: the pages are read again as that kind, then corrected.
    const base = kind === document.kind ? document : { ...document, ...reread(await documentPages(tx, id), kind) };
    const { fields, corrected } = correctFields(base, input.fields);
    const { lines, changed: linesChanged } = correctLines(base, input.lines);
    const identity = identityOf(kind, fields, document.sender_name);
    const approved = input.decision === "approve";
    if (approved && kind === "other") {
      throw new AppError("bad_request", "A document of kind other cannot be approved: give its kind, or reject it");
    }
    const route = approved
      ? routeDocument(kind, fields, lines, identity.documentNumber, identity.senderName, document.matches)
      : null;
    const fieldsReviewed = new Set([...Object.keys(document.fields), ...Object.keys(fields)]).size;
    const secondsInQueue = (now.getTime() - new Date(document.created_at).getTime()) / 1000;
    const review = {
      decision: input.decision,
      comment: input.comment?.trim() || null,
      corrected_fields: corrected,
      lines_corrected: linesChanged,
      kind_corrected: kind !== document.kind,
      fields_reviewed: fieldsReviewed,
      fields_corrected: Object.keys(corrected).length,
      seconds_in_queue: Math.round(secondsInQueue * 10) / 10,
    };
    await recordReview(
      tx,
      id,
      {
        status: approved ? "approved" : "rejected",
        kind,
        fields,
        lines,
        checks: document.checks,
        route,
        review,
        reviewedBy: actorRef(ctx.actor),
        documentNumber: identity.documentNumber,
      },
      now,
    );
    // A kind given by the reviewer is remembered for who sent the file (an email's From).
    if (approved && kind !== document.kind) {
      const sender = await fileSenderOf(tx, id);
      if (sender) await learnKind(tx, ctx.tenantId, sender, kind, now);
    }
    // What the corrections teach the sender's template, so their next document needs fewer.
    if (approved && identity.senderKey && kind !== "other") {
      const pages = await documentPages(tx, id);
      const taught = Object.entries(corrected).flatMap(([field, change]) => {
        const rule = change.to === null ? null : learnRule(kind, pages, field, change.to);
        return rule ? [rule] : [];
      });
      if (taught.length > 0)
        await learnRules(tx, ctx.tenantId, { key: identity.senderKey, name: identity.senderName }, kind, taught, now);
    }
    await appendAudit(tx, {
      ...ctx,
      action: `document.${approved ? "approved" : "rejected"}`,
      resourceType: "document",
      resourceId: id,
      data: review,
    });
    const events = [documentEvent(ctx.tenantId, "document.reviewed", { id }, { kind, ...review }, actorRef(ctx.actor))];
    if (route) events.push(documentEvent(ctx.tenantId, "document.routed", { id }, { route }, actorRef(ctx.actor)));
    await appendEvents(
      tx,
      events.map((event) => ({ ...event, requestId: ctx.requestId })),
    );
    return { document: await documentIn(tx, id), review };
  });
}
