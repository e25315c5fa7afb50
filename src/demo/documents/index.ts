export { generateDocuments } from "./generate-documents.ts";
export type { DocumentManifest, ManifestEntry } from "./manifest.ts";
export type { DocumentFormat, DocumentKind, DocumentTruth, TruthLine } from "./truth/truth.ts";
