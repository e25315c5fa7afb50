import type { Database } from "../../../platform/db/database.ts";
import { withTenant } from "../../../platform/db/tenant-scope.ts";
import type { Records } from "../../records/index.ts";
import { type ReadDocument, readDocument } from "../extract/read-document.ts";
import { applyRules } from "../learn/template-rules.ts";
import type { ClaimedFile } from "../store/file-store.ts";
import { templateRules } from "../store/template-store.ts";
import { readValuesOf, type Tolerances } from "../validate/tolerances.ts";
import { validateDocument } from "../validate/validate-document.ts";
import { identityOf } from "./document-identity.ts";
import type { FileOutcome } from "./read-file.ts";

type Read = Extract<FileOutcome, { outcome: "documents" }>;

/**
 * Each document of a file as it will be kept: read again with its sender's learned template when
 * reviewers taught one, then checked against the records (a supplier's invoice against its PO and
 * receipts, a customer's PO against their items and prices); a failed check holds it for review.
 * Done before the transaction that stores it: the records are read on connections of their own.
 */
export async function prepareDocuments(
  deps: { db: Database; records?: Records | undefined; tolerances: (tenantId: string) => Promise<Tolerances> },
  file: ClaimedFile,
  read: Read,
): Promise<Read> {
  const documents: Read["documents"] = [];
  for (const part of read.documents) {
    let document: ReadDocument = part.read;
    const pages = read.pages.filter((page) => page.page >= part.first && page.page <= part.last);
    const senderKey = identityOf(document.kind, document.fields, file.sender).senderKey;
    if (senderKey && document.kind !== "other") {
      const kind = document.kind;
      const rules = await withTenant(deps.db, file.tenant_id, (tx) => templateRules(tx, senderKey, kind));
      if (rules.length > 0) {
        document = readDocument(
          { kind: "pdf", pages },
          { learned: (readAs, of) => (readAs === kind ? applyRules(readAs, of, rules) : {}) },
        );
      }
    }
    if (deps.records && document.kind !== "other") {
      const checks = await validateDocument(
        deps.records,
        file.tenant_id,
        document.kind,
        readValuesOf(document),
        await deps.tolerances(file.tenant_id),
      );
      const failed = checks.filter((check) => !check.passed);
      document = {
        ...document,
        checks: [...document.checks, ...checks],
        reasons: [
          ...document.reasons,
          ...failed.map((check) => `${check.check}: expected ${check.expected}, found ${check.found}`),
        ],
        straightThrough: document.straightThrough && failed.length === 0,
      };
    }
    documents.push({ ...part, read: document });
  }
  return { ...read, documents };
}
