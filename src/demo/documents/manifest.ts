import type { DemoWorld } from "../world.ts";
import type { DocumentTruth, GeneratedDocument } from "./truth/truth.ts";

export type ManifestEntry = Pick<DocumentTruth, "path" | "kind" | "format" | "layout" | "source"> & { truth: string };

export type DocumentManifest = {
  seed: number;
  scale: DemoWorld["scale"];
  company: string;
  counts: { byKind: Record<string, number>; byFormat: Record<string, number> };
  documents: ManifestEntry[];
};

/** The index of generated documents, for whoever feeds them to document intake and scores the result. */
export function manifestOf(world: DemoWorld, documents: readonly GeneratedDocument[]): DocumentManifest {
  const count = (key: (document: GeneratedDocument) => string) => {
    const counts: Record<string, number> = {};
    for (const document of documents) counts[key(document)] = (counts[key(document)] ?? 0) + 1;
    return counts;
  };
  return {
    seed: world.seed,
    scale: world.scale,
    company: world.company.name,
    counts: { byKind: count((document) => document.truth.kind), byFormat: count((document) => document.truth.format) },
    documents: documents.map(({ truth }) => ({
      path: truth.path,
      truth: `${truth.path}.truth.json`,
      kind: truth.kind,
      format: truth.format,
      layout: truth.layout,
      source: truth.source,
    })),
  };
}
