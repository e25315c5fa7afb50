import { generateDocuments } from "./documents/index.ts";
import { generateWorld } from "./generate-world.ts";
import { generateKnowledge } from "./knowledge/index.ts";
import { Random } from "./random.ts";
import { recordFiles, truthFiles } from "./record-files.ts";
import type { DemoFile, DemoScale, DemoWorld } from "./world.ts";

export { generateWorld } from "./generate-world.ts";
export { LOAD_ORDER, type LoadProgress, type LoadSummary, loadWorld, type RecordsApi } from "./load-world.ts";
export { DEMO_COMPANY } from "./world/company.ts";
export { DEMO_SCALES } from "./world/scale.ts";
export type { DemoFile, DemoScale, DemoTruth, DemoWorld } from "./world.ts";
export { writeDemoFiles } from "./write-files.ts";

/** Everything `crossdock demo generate` writes: records, ground truth, documents and knowledge. */
export function demoFiles(world: DemoWorld): DemoFile[] {
  // Each part draws from its own stream of the seed, so one part's changes never shift another's bytes.
  const random = new Random(world.seed);
  return [
    ...recordFiles(world),
    ...truthFiles(world),
    ...generateDocuments(world, random.fork("documents")),
    ...generateKnowledge(world, random.fork("knowledge")),
  ];
}

/** The world and its files for a scale and seed. */
export function generateDemo(options: { scale: DemoScale; seed: number }): { world: DemoWorld; files: DemoFile[] } {
  const world = generateWorld(options);
  return { world, files: demoFiles(world) };
}
