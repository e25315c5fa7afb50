import type { DemoWorld } from "../world.ts";
import { type KnowledgeDocument, renditionPath } from "./document.ts";

export const QUESTIONS_PATH = "knowledge/questions.json";
export const MANIFEST_PATH = "knowledge/manifest.json";

/** What `knowledge/manifest.json` lists for each document. */
export type ManifestEntry = {
  path: string;
  kind: KnowledgeDocument["kind"];
  title: string;
  /** The same document in other formats; questions cite `path`. */
  renditions: string[];
  effective: string | null;
  expires: string | null;
  /** External ids of the records the document is about, by record type. */
  related: KnowledgeDocument["related"];
};

export type KnowledgeManifest = {
  company: string;
  seed: number;
  scale: DemoWorld["scale"];
  asOf: string;
  questions: string;
  documents: ManifestEntry[];
};

export function buildManifest(world: DemoWorld, documents: KnowledgeDocument[]): KnowledgeManifest {
  return {
    company: world.company.name,
    seed: world.seed,
    scale: world.scale,
    asOf: world.end,
    questions: QUESTIONS_PATH,
    documents: documents.map((document) => ({
      path: document.path,
      kind: document.kind,
      title: document.title,
      renditions: document.renditions.map((rendition) => renditionPath(document, rendition)),
      effective: document.effective ?? null,
      expires: document.expires ?? null,
      related: document.related,
    })),
  };
}
