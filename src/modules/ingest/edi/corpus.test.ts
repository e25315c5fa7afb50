import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type EdiDiagnostic, formatDiagnostic } from "./diagnostics.ts";
import { readEdi } from "./read-edi.ts";

/**
 * Every EDI file of the shared corpus (../shared/datasets/documents/edi-* and edifact-*), against
 * EDI-MANIFEST.json: each must read into exactly the transaction sets (or messages) the manifest
 * lists, with its segment count, or be rejected with an error naming a segment and a reason.
 * Reading "successfully" into something else is the one outcome not allowed.
 */
const repoRoot = path.resolve(import.meta.dirname, "../../../..");
const documents = path.resolve(repoRoot, "../shared/datasets/documents");
const manifestPath = path.join(documents, "EDI-MANIFEST.json");
const present = existsSync(manifestPath);

type X12Entry = { file: string; sets: string[]; segmentCount: number; elementSep: string; segmentTerminator: string };
type OtherEntry = { file: string; standard: string; messages: string[] };

/**
 * Where the manifest (derived by a script, not by the files' authors) miscounted. Each correction is
 * confirmed by the file's own SE01.
 */
const SEGMENT_COUNT_CORRECTIONS: Record<string, { segments: number; why: string }> = {
  "edi-oopfactory-x12parser/ORD/_850/Example4_Adobe_ShrinkWrapped.txt": {
    segments: 22,
    why: 'segments end with " \\r\\n"; the manifest split at every space (42). SE01 = 18 agrees with 22 in all',
  },
  "edi-oopfactory-x12parser/ORD/_860/Example1.txt": {
    segments: 14,
    why: "the N1 line has no '~'; the manifest merged it with N3 (13). SE01 = 10 agrees with 14 in all",
  },
};

/** Message types the manifest left out because they are no UN directory message (test files' private types). */
const MESSAGE_CORRECTIONS: Record<string, string[]> = {
  "edi-indice-edinet/edifact.AutoEndSegmentGroups.edi": ["AESG"],
  "edi-indice-edinet/edifact.Issue149.SegmentGroups.edi": ["ISSUE"],
};

type Outcome = { file: string; outcome: "read" | "rejected" | "wrong"; detail: string };

const errorsOf = (diagnostics: EdiDiagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.severity === "error");

/** A rejection counts only when an error names a segment (its id and place) and a reason. */
function rejection(diagnostics: EdiDiagnostic[]): string | null {
  const error = errorsOf(diagnostics).find((diagnostic) => diagnostic.segment.id !== "" && diagnostic.message !== "");
  return error ? formatDiagnostic(error) : null;
}

function judgeX12(entry: X12Entry): Outcome {
  const { read, standard } = readEdi(readFileSync(path.join(documents, entry.file)));
  if (!read.ok) {
    const reason = rejection(read.diagnostics);
    return { file: entry.file, outcome: reason ? "rejected" : "wrong", detail: reason ?? "rejected without naming a segment" };
  }
  if (standard !== "x12") return { file: entry.file, outcome: "wrong", detail: `read as ${standard}` };
  const sets = read.interchanges.flatMap((interchange) => interchange.groups.flatMap((group) => group.sets.map((set) => set.id)));
  const segments = SEGMENT_COUNT_CORRECTIONS[entry.file]?.segments ?? entry.segmentCount;
  const right = JSON.stringify(sets) === JSON.stringify(entry.sets) && read.counts.segments === segments;
  const warnings = read.diagnostics.map((diagnostic) => diagnostic.code).join(", ");
  return {
    file: entry.file,
    outcome: right ? "read" : "wrong",
    detail: `${sets.join(",") || `${read.counts.acknowledgments} TA1`} · ${read.counts.segments} segments${warnings ? ` · ${warnings}` : ""}`,
  };
}

function judgeOther(entry: OtherEntry): Outcome {
  const { read, standard } = readEdi(readFileSync(path.join(documents, entry.file)));
  if (!read.ok) {
    const reason = rejection(read.diagnostics);
    return { file: entry.file, outcome: reason ? "rejected" : "wrong", detail: reason ?? "rejected without naming a segment" };
  }
  if (standard !== "edifact") return { file: entry.file, outcome: "wrong", detail: `read as ${standard}` };
  const types = [
    ...new Set(read.interchanges.flatMap((interchange) => interchange.messages.map((message) => message.type))),
  ].filter(Boolean);
  const expected = MESSAGE_CORRECTIONS[entry.file] ?? entry.messages;
  const right = entry.standard === "EDIFACT" && JSON.stringify(types) === JSON.stringify(expected);
  return { file: entry.file, outcome: right ? "read" : "wrong", detail: `${types.join(",")} · ${read.counts.segments} segments` };
}

function report(title: string, outcomes: Outcome[]): void {
  const count = (outcome: Outcome["outcome"]) => outcomes.filter((each) => each.outcome === outcome).length;
  const lines = outcomes.map((each) => `  ${each.outcome.padEnd(8)} ${each.file}  ${each.detail}`);
  console.info(
    `${title}: ${count("read")} read correctly, ${count("rejected")} rejected, ${count("wrong")} wrong, of ${outcomes.length}\n${lines.join("\n")}`,
  );
}

describe.runIf(present)("the shared EDI corpus", () => {
  const manifest = present ? (JSON.parse(readFileSync(manifestPath, "utf8")) as { x12: X12Entry[]; nonX12: OtherEntry[] }) : null;

  it("reads every X12 file into exactly its transaction sets and segments, or rejects it naming a segment", () => {
    const outcomes = (manifest?.x12 ?? []).map(judgeX12);
    report("X12", outcomes);
    expect(outcomes.filter((each) => each.outcome === "wrong")).toEqual([]);
    // The one file rejected ends after SE: no GE, no IEA.
    expect(outcomes.filter((each) => each.outcome === "rejected").map((each) => each.file)).toEqual(["edi-node-x12/271.edi"]);
    expect(outcomes).toHaveLength(89);
  });

  it("reads every EDIFACT file into its messages, and rejects TRADACOMS and broken envelopes naming a segment", () => {
    const outcomes = (manifest?.nonX12 ?? []).map(judgeOther);
    report("EDIFACT and others", outcomes);
    expect(outcomes.filter((each) => each.outcome === "wrong")).toEqual([]);
    const rejected = outcomes.filter((each) => each.outcome === "rejected").map((each) => path.basename(each.file));
    expect(rejected).toEqual([
      "Apperak edi_out_issue235.edi",
      "edifact.D95B.Issue137.EDI",
      "tradacoms.Issue17.autogeneratedvalues.edi",
      "tradacoms.order9.edi",
      "tradacoms.productplanning.edi",
      "tradacoms.utilitybill.edi",
      "tradacoms.utilitybill.escape.edi",
      "tradacoms.utilitybill.escape2.edi",
    ]);
  });

  it("rejects every other file beside them (READMEs, licences, JSON, XML) naming what it found", () => {
    const listed = new Set([...(manifest?.x12 ?? []), ...(manifest?.nonX12 ?? [])].map((entry) => entry.file));
    const folders = readdirSync(documents).filter((name) => /^edi(fact)?-/.test(name));
    const others = folders
      .flatMap((folder) => walk(path.join(documents, folder)))
      .filter((file) => !listed.has(path.relative(documents, file)));
    expect(others.length).toBeGreaterThan(0);
    for (const file of others) {
      const { read } = readEdi(readFileSync(file));
      expect(read.ok, file).toBe(false);
      expect(rejection(read.diagnostics), file).not.toBeNull();
    }
  });
});

if (!present) {
  describe("the shared EDI corpus", () => {
    it.skip(`skipped: ${manifestPath} is not there (the corpus lives in ../shared/datasets beside the repository)`, () => {});
  });
}

function walk(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}
