import type { WriteContext } from "../../../platform/actor.ts";
import type { Database, Tx } from "../../../platform/db/database.ts";
import { withTenant } from "../../../platform/db/tenant-scope.ts";
import { appendEvents } from "../../../platform/events/event-log.ts";
import { newId } from "../../../platform/ids.ts";
import { appendAudit } from "../../governance/index.ts";
import type { DocumentStatus } from "../contract/documents.ts";
import type { DocumentCheck, ReadDocument } from "../extract/read-document.ts";
import { findSameNumber, insertDocument, type StoredDocument } from "../store/document-store.ts";
import { type ClaimedFile, insertFile, insertPages, markHandedOver, markRead, quarantineFile } from "../store/file-store.ts";
import type { RecordMatches } from "../validate/tolerances.ts";
import { identityOf } from "./document-identity.ts";
import type { FileOutcome } from "./read-file.ts";
import { routeDocument } from "./route-document.ts";

const SYSTEM: WriteContext["actor"] = { type: "system", id: "documents", label: "document intake" };

export class LeaseLostError extends Error {
  constructor(fileId: string) {
    super(`the lease on file ${fileId} was lost: another process took it over`);
    this.name = "LeaseLostError";
  }
}

async function storeDocument(
  tx: Tx,
  file: ClaimedFile,
  part: { first: number; last: number; read: ReadDocument; matches?: RecordMatches | undefined },
): Promise<StoredDocument> {
  const { read } = part;
  const identity = identityOf(read.kind, read.fields, file.sender);
  const checks: DocumentCheck[] = [...read.checks];
  const reasons = [...read.reasons];
  let duplicateOf: string | null = null;
  if (identity.documentNumber && identity.senderKey && read.kind !== "other") {
    const earlier = await findSameNumber(tx, {
      kind: read.kind,
      senderKey: identity.senderKey,
      documentNumber: identity.documentNumber,
      fileId: file.id,
    });
    if (earlier) {
      duplicateOf = earlier.id;
      const total = read.fields.total?.value ?? null;
      checks.push({
        check: "not a duplicate",
        passed: false,
        expected: `no other ${read.kind.replace("_", " ")} ${identity.documentNumber} from ${identity.senderName}`,
        found: `document ${earlier.id} (file ${earlier.file_id})`,
        at_stake: total,
      });
      reasons.push(`it repeats ${read.kind.replace("_", " ")} ${identity.documentNumber}, already received as ${earlier.id}`);
    }
  }
  const status: DocumentStatus = reasons.length === 0 ? "straight_through" : "review";
  return {
    id: newId("doc"),
    fileId: file.id,
    firstPage: part.first,
    lastPage: part.last,
    kind: read.kind,
    kindConfidence: read.classification.confidence,
    classification: read.classification,
    fields: read.fields,
    lines: read.lines,
    checks,
    status,
    reasons,
    senderName: identity.senderName,
    senderKey: identity.senderKey,
    documentNumber: identity.documentNumber,
    duplicateOf,
    matches: part.matches ?? null,
    route:
      status === "straight_through"
        ? routeDocument(read.kind, read.fields, read.lines, identity.documentNumber, identity.senderName, part.matches ?? null)
        : null,
    extraction: read.extraction ?? null,
  };
}

/** The event a document's arrival and each change of it leave, for flows and webhooks. */
export function documentEvent(
  tenantId: string,
  type: string,
  document: StoredDocument | { id: string },
  payload: object,
  actor: string,
) {
  return { tenantId, type, subjectType: "document", subjectId: document.id, payload: { id: document.id, ...payload }, actor };
}

/**
 * Keeps what reading a file came to, in one transaction with marking it read: its pages and
 * documents (each checked against earlier ones for a repeat, routed or queued for review), an
 * email's parts as files to read next, or the file quarantined with its reason.
 */
export async function storeOutcome(
  db: Database,
  file: ClaimedFile,
  owner: string,
  outcome: FileOutcome,
  now: Date,
): Promise<StoredDocument[]> {
  if (outcome.outcome === "quarantine") {
    await quarantineFile(db, file, owner, outcome.reason, outcome.detail, now);
    return [];
  }
  if (outcome.outcome === "edi") throw new Error(`file ${file.id} is EDI and was not handed over`);
  return withTenant(db, file.tenant_id, async (tx) => {
    const ctx: WriteContext = { tenantId: file.tenant_id, actor: SYSTEM };
    const stored: StoredDocument[] = [];
    if (outcome.outcome === "handed_over") {
      await markHandedOver(tx, file.id, outcome.reference);
      await appendAudit(tx, {
        ...ctx,
        action: "document_file.handed_over",
        resourceType: "document_file",
        resourceId: file.id,
        data: { to: outcome.reference },
      });
    } else if (outcome.outcome === "email") {
      for (const child of outcome.children) {
        await insertFile(
          tx,
          ctx,
          { ...child, channel: file.channel === "upload" ? "email" : file.channel, parentId: file.id },
          now,
        );
      }
    } else {
      await insertPages(tx, file.tenant_id, file.id, outcome.pages);
      for (const part of outcome.documents) {
        const document = await storeDocument(tx, file, part);
        await insertDocument(tx, file.tenant_id, document, now);
        stored.push(document);
        const summary = {
          file_id: file.id,
          kind: document.kind,
          status: document.status,
          sender: document.senderName,
          document_number: document.documentNumber,
          reasons: document.reasons,
        };
        await appendAudit(tx, {
          ...ctx,
          action: "document.read",
          resourceType: "document",
          resourceId: document.id,
          data: summary,
        });
        const events = [documentEvent(file.tenant_id, "document.read", document, summary, "system:documents")];
        if (document.route)
          events.push(documentEvent(file.tenant_id, "document.routed", document, { route: document.route }, "system:documents"));
        await appendEvents(tx, events);
      }
    }
    if (!(await markRead(tx, file.id, owner, now))) throw new LeaseLostError(file.id);
    return stored;
  });
}
