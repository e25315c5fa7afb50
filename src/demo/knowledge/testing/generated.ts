import { Random } from "../../random.ts";
import type { DemoFile, DemoWorld } from "../../world.ts";
import { generateKnowledge } from "../generate-knowledge.ts";
import { type KnowledgeManifest, MANIFEST_PATH, QUESTIONS_PATH } from "../manifest.ts";
import type { KnowledgeQuestion } from "../questions/question.ts";

/** The knowledge files of a world, with the Markdown texts, questions and manifest read back for tests. */
export type GeneratedKnowledge = {
  world: DemoWorld;
  files: DemoFile[];
  text: (path: string) => string;
  markdown: Map<string, string>;
  questions: KnowledgeQuestion[];
  manifest: KnowledgeManifest;
};

export function generateForTest(world: DemoWorld, seed: number = world.seed): GeneratedKnowledge {
  const files = generateKnowledge(world, new Random(seed).fork("knowledge"));
  const texts = new Map(
    files.filter((file) => typeof file.content === "string").map((file) => [file.path, file.content as string]),
  );
  const text = (path: string) => {
    const content = texts.get(path);
    if (content === undefined) throw new Error(`no text file ${path}`);
    return content;
  };
  return {
    world,
    files,
    text,
    markdown: new Map([...texts].filter(([path]) => path.endsWith(".md"))),
    questions: JSON.parse(text(QUESTIONS_PATH)) as KnowledgeQuestion[],
    manifest: JSON.parse(text(MANIFEST_PATH)) as KnowledgeManifest,
  };
}

/** The cells of each row of the Markdown table whose header row starts with `firstColumn`. */
export function tableRows(markdown: string, firstColumn: string): string[][] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`| ${firstColumn} |`));
  if (start < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("| ")) break;
    rows.push(line.slice(2, -2).split(" | "));
  }
  return rows;
}
