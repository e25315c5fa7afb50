import type { Database } from "../../../platform/db/database.ts";
import { withTenant } from "../../../platform/db/tenant-scope.ts";
import type { Records } from "../../records/index.ts";
import { type ReadDocument, readDocument, THRESHOLDS } from "../extract/read-document.ts";
import { applyRules } from "../learn/template-rules.ts";
import type { Catalogue } from "../match/catalogue.ts";
import { repairFromCatalogue } from "../match/repair-from-catalogue.ts";
import type { ClaimedFile } from "../store/file-store.ts";
import { learnedKind, templateRules } from "../store/template-store.ts";
import { type RecordMatches, readValuesOf, type Tolerances } from "../validate/tolerances.ts";
import { validateDocument } from "../validate/validate-document.ts";
import { identityOf } from "./document-identity.ts";
import type { FileOutcome } from "./read-file.ts";
import type { ReadWithModel } from "./read-with-model.ts";

type Read = Extract<FileOutcome, { outcome: "documents" }>;

/**
 * Each document of a file as it will be kept: read as the kind reviewers gave its file sender's
 * documents when its text does not make its kind clear, read again with its sender's learned
 * template when reviewers taught one, its OCR'd lines mended from the tenant's catalogue of items, read
 * by the tenant's model where it chose one, then checked against the records (a supplier's invoice against its PO and
 * receipts, a customer's PO against their items and prices); a failed check holds it for review.
 * Done before the transaction that stores it: the records are read on connections of their own.
 */
export async function prepareDocuments(
  deps: {
    db: Database;
    records?: Records | undefined;
    catalogue?: ((tenantId: string) => Promise<Catalogue>) | undefined;
    tolerances: (tenantId: string) => Promise<Tolerances>;
    readWithModel?: ReadWithModel | undefined;
  },
  file: ClaimedFile,
  read: Read,
): Promise<Read> {
  const documents: Read["documents"] = [];
  for (const part of read.documents) {
    let document: ReadDocument = part.read;
    const pages = read.pages.filter((page) => page.page >= part.first && page.page <= part.last);
    // A sender whose documents' kind reviewers gave before, on one whose text does not make it clear.
    const sender = file.sender;
    if (sender && (document.kind === "other" || document.classification.confidence < THRESHOLDS.classification)) {
      const kind = await withTenant(deps.db, file.tenant_id, (tx) => learnedKind(tx, sender));
      if (kind && kind !== "other") document = readDocument({ kind: "pdf", pages }, { kind });
    }
    const senderKey = identityOf(document.kind, document.fields, file.sender).senderKey;
    if (senderKey && document.kind !== "other") {
      const kind = document.kind;
      const rules = await withTenant(deps.db, file.tenant_id, (tx) => templateRules(tx, senderKey, kind));
      const given = kind !== part.read.kind ? { kind } : {};
      if (rules.length > 0) {
        document = readDocument(
          { kind: "pdf", pages },
          { ...given, learned: (readAs, of) => (readAs === kind ? applyRules(readAs, of, rules) : {}) },
        );
      }
    }
    // OCR misreads characters; what the tenant's items are called mends a line's codes, descriptions and units.
    const ocred = pages.some((page) => page.engine === "tesseract" || page.engine === "tesseract.js");
    if (deps.catalogue && ocred && document.lines.length > 0) {
      const catalogue = await deps.catalogue(file.tenant_id);
      document = { ...document, lines: repairFromCatalogue(document.lines, catalogue).lines };
    }
    // A tenant that chose a model has it read the document, judged against the rules' reading.
    if (deps.readWithModel) document = await deps.readWithModel(file.tenant_id, document, pages);
    let matches: RecordMatches | undefined;
    if (deps.records && document.kind !== "other") {
      const validation = await validateDocument(
        deps.records,
        file.tenant_id,
        document.kind,
        readValuesOf(document),
        await deps.tolerances(file.tenant_id),
      );
      const { checks } = validation;
      matches = validation.matches;
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
    documents.push({ ...part, read: document, matches });
  }
  return { ...read, documents };
}
