import { describe, expect, it } from "vitest";
import { generateWorld } from "../../generate-world.ts";
import { DOCUMENT_KINDS } from "../document.ts";
import { fixtureWorld } from "../testing/fixture-world.ts";
import { type GeneratedKnowledge, generateForTest } from "../testing/generated.ts";
import { ungroundedFacts } from "./key-facts.ts";
import { UNANSWERABLE_ANSWER } from "./question.ts";

const worlds: [string, () => GeneratedKnowledge][] = [
  ["the fixture world", () => generateForTest(fixtureWorld())],
  ["the small demo world", () => generateForTest(generateWorld({ scale: "small", seed: 3 }))],
];

describe.each(worlds)("questions.json for %s", (_, generate) => {
  const knowledge = generate();
  const { questions, markdown } = knowledge;

  it("cites passages that occur verbatim in the cited Markdown", () => {
    for (const question of questions) {
      for (const source of question.sources) {
        expect(source.path.endsWith(".md"), `${question.id} cites ${source.path}`).toBe(true);
        expect(markdown.get(source.path)?.includes(source.passage), `${question.id}: "${source.passage}" in ${source.path}`).toBe(
          true,
        );
      }
    }
  });

  it("answers with numbers, days and percentages that a cited passage states", () => {
    for (const question of questions.filter((entry) => entry.kind !== "unanswerable")) {
      expect(question.sources.length, question.id).toBeGreaterThan(0);
      expect(ungroundedFacts(question), `${question.id}: ${question.answer}`).toEqual([]);
    }
  });

  it("asks multi-hop questions whose sources span several documents", () => {
    const multiHop = questions.filter((question) => question.kind === "multi_hop");
    expect(multiHop.length).toBeGreaterThanOrEqual(4);
    for (const question of multiHop)
      expect(new Set(question.sources.map((source) => source.path)).size, question.id).toBeGreaterThan(1);
  });

  it("asks unanswerable questions about things no document mentions", () => {
    const unanswerable = questions.filter((question) => question.kind === "unanswerable");
    expect(unanswerable.length).toBeGreaterThanOrEqual(4);
    const corpus = [...markdown.values()].join("\n").toLowerCase();
    for (const question of unanswerable) {
      expect(question.answer).toBe(UNANSWERABLE_ANSWER);
      expect(question.sources).toEqual([]);
      for (const term of question.absentTerms ?? [])
        expect(corpus.includes(term.toLowerCase()), `${question.id}: "${term}"`).toBe(false);
    }
  });

  it("covers every kind of document, with unique ids and questions", () => {
    expect(questions.length).toBe(40);
    const answeredKinds = new Set(
      questions.filter((question) => question.kind !== "unanswerable").flatMap((question) => question.documentKinds),
    );
    expect(answeredKinds).toEqual(new Set(DOCUMENT_KINDS));
    expect(new Set(questions.map((question) => question.id)).size).toBe(questions.length);
    expect(new Set(questions.map((question) => question.question)).size).toBe(questions.length);
  });
});

describe("ungroundedFacts", () => {
  it("names the numbers an answer states that its passages do not", () => {
    const sources = [{ path: "a.md", passage: "Returns are accepted within 45 days, with a 15% fee of $1,250.00." }];
    expect(ungroundedFacts({ answer: "Within 45 days; 15% fee ($1,250.00).", sources })).toEqual([]);
    expect(ungroundedFacts({ answer: "Within 4 days; 25% fee ($1,250).", sources })).toEqual(["4", "25%", "1,250"]);
  });
});
