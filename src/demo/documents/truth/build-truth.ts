import type { SourceRef } from "../content/source.ts";
import type { TruthRecorder } from "./recorder.ts";
import type { DocumentFormat, DocumentKind, DocumentTruth } from "./truth.ts";

/** The truth of one document: what was recorded while it was printed, with where it came from. */
export function buildTruth(
  base: {
    kind: DocumentKind;
    format: DocumentFormat;
    layout: string;
    path: string;
    source: SourceRef;
    pages: number;
    refs: Record<string, string>;
  },
  record: TruthRecorder,
  extra: Pick<DocumentTruth, "errors" | "edi" | "scan" | "companion"> = {},
): DocumentTruth {
  return {
    kind: base.kind,
    format: base.format,
    layout: base.layout,
    path: base.path,
    source: base.source,
    pages: base.pages,
    fields: record.fields,
    printed: record.printed,
    refs: base.refs,
    lines: record.truthLines(),
    ...extra,
  };
}
