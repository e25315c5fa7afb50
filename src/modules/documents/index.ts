export { type Classification, classifyDocument } from "./classify/classify-document.ts";
export { DOCUMENT_KINDS, type DocumentKind } from "./classify/document-kinds.ts";
export {
  addCounts,
  type ExpectedLine,
  emptyCounts,
  type FieldCounts,
  f1Of,
  sameValue,
  scoreLines,
} from "./evaluate/score-lines.ts";
export { extractLines } from "./extract/extract-lines.ts";
export type { ExtractedLine, ExtractedValue, Location } from "./extract/extracted.ts";
export { extractHeader } from "./extract/header-fields.ts";
export { HEADER_SPECS, type HeaderSpec, type ValueType } from "./extract/header-labels.ts";
export { fromModelReading, ModelReading, modelFields, modelPrompt } from "./extract/model-reading.ts";
export { extractParties } from "./extract/parties.ts";
export {
  type DocumentCheck,
  judgeReading,
  type ReadDocument,
  readDocument,
  THRESHOLDS,
} from "./extract/read-document.ts";
export { catalogueFromRecords } from "./match/catalogue.ts";
export { repairFromCatalogue } from "./match/repair-from-catalogue.ts";
export { composeLayout } from "./text/compose-layout.ts";
export { chooseEngines, type Engines, popplerInstalled, tesseractInstalled } from "./text/engines.ts";
export type { Box, DocumentText, FoundWord, PageText, PageWord, TextEngine } from "./text/page-text.ts";
export { createTextReader, sniffType, type TextReader, type TextReaderOptions } from "./text/read-text.ts";
export { TextReadError, type TextReadReason } from "./text/text-read-error.ts";
export { type NumberStyle, type ReadAmount, readAmount } from "./values/read-amount.ts";
export { type DateStyle, readDate } from "./values/read-date.ts";
export const documentsMigrations = { module: "documents", directory: new URL("./migrations/", import.meta.url) };
export * from "./contract/documents.ts";
export { createDocuments, type Documents, type FileIn, MAX_FILE_BYTES } from "./documents.ts";
export {
  AfterTaking,
  Mailbox,
  MailboxInput,
  MailboxStatus,
  MailboxTls,
  MailboxUpdate,
  PollOutcome,
  SkippedMessage,
} from "./intake/mailboxes/mailbox-contract.ts";
export { createMailboxes, type Mailboxes, type MailboxesDeps } from "./intake/mailboxes/mailboxes.ts";
export { DEFAULT_POLL_SETTINGS, type PollSettings, type ReceiveMail } from "./intake/mailboxes/poll-mailbox.ts";
export { plainTextDocument } from "./intake/plain-text.ts";
export { applyRules, learnRule, type TemplateRule } from "./learn/template-rules.ts";
export { MAX_ATTACHMENTS } from "./process/read-file.ts";
export { splitDocuments } from "./process/split-documents.ts";
export { type PreparedScan, prepareScan } from "./text/prepare-scan.ts";
export { readBic } from "./values/bic.ts";
export { type CompanyRegister, readCompanyNumber } from "./values/company-number.ts";
export { hostOf, readEmail, readPhone, readWebsite } from "./values/contact-details.ts";
export { countryCode } from "./values/country.ts";
export { numberStyleOf } from "./values/number-style.ts";
export { type PostalLine, readPostalLine } from "./values/postal-line.ts";
export { currencyMark } from "./values/read-amount.ts";
export { type Period, readPeriod } from "./values/read-period.ts";
