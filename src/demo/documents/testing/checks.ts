import { z } from "zod";
import type { DemoFile } from "../../world.ts";
import { parseX12 } from "../edi/x12-parse.ts";
import type { DocumentManifest } from "../manifest.ts";
import type { DocumentTruth } from "../truth/truth.ts";
import { asBuffer } from "./files.ts";
import { pdfTextRuns } from "./pdf-text.ts";

const Value = z.union([z.string(), z.number(), z.boolean()]);
const Printed = z.record(z.string(), z.string());
const Refs = z.record(z.string(), z.string());

/** The truth file's shape, strictly: what the document-intelligence evaluation will rely on. */
const TruthFile = z.strictObject({
  kind: z.enum(["purchase_order", "invoice", "ship_notice", "bill_of_lading", "proof_of_delivery", "rebate_claim"]),
  format: z.enum(["pdf", "scan_png", "scan_pdf", "edi_x12"]),
  layout: z.string().min(1),
  path: z.string().startsWith("documents/"),
  source: z.strictObject({ record_type: z.string(), external_id: z.string().min(1), source_system: z.string().nullable() }),
  pages: z.number().int().positive(),
  fields: z.record(z.string(), Value),
  printed: Printed,
  refs: Refs,
  lines: z.array(z.strictObject({ fields: z.record(z.string(), Value), printed: Printed, refs: Refs })),
  errors: z.array(z.strictObject({ kind: z.string(), detail: z.string() })).optional(),
  edi: z
    .strictObject({
      transaction_set: z.enum(["850", "810", "856"]),
      sender_id: z.string().min(1),
      receiver_id: z.string().min(1),
      interchange_control_number: z.string().length(9),
    })
    .optional(),
  scan: z
    .strictObject({
      dpi: z.number(),
      width: z.number(),
      height: z.number(),
      mode: z.enum(["scanner", "fax"]),
      rotation_degrees: z.number(),
      blur_radius: z.number(),
      noise_sd: z.number(),
    })
    .optional(),
  companion: z.string().optional(),
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const DECIMAL_FIELDS = ["quantity", "unit_price", "amount", "subtotal", "tax", "total", "freight", "weight", "rebate_per_unit"];

export type ReadDocuments = {
  byPath: Map<string, DemoFile>;
  documents: DemoFile[];
  truths: DocumentTruth[];
  manifest: DocumentManifest;
};

export function readDocuments(files: readonly DemoFile[]): ReadDocuments {
  const byPath = new Map(files.map((file) => [file.path, file]));
  return {
    byPath,
    documents: files.filter((file) => !file.path.endsWith(".truth.json") && file.path !== "documents/manifest.json"),
    truths: files
      .filter((file) => file.path.endsWith(".truth.json"))
      .map((file) => JSON.parse(String(file.content)) as DocumentTruth),
    manifest: JSON.parse(String(byPath.get("documents/manifest.json")?.content)) as DocumentManifest,
  };
}

/**
 * The checks below return what is wrong, one sentence per problem (empty when all is well), so a
 * failing test names every document and field at fault.
 */

/** Every document has a truth of the right shape beside it, with ISO dates and decimal amounts, and the manifest lists it. */
export function truthProblems({ byPath, documents, manifest }: ReadDocuments): string[] {
  const problems: string[] = [];
  for (const document of documents) {
    const parsed = TruthFile.safeParse(JSON.parse(String(byPath.get(`${document.path}.truth.json`)?.content ?? "null")));
    if (!parsed.success) {
      problems.push(`${document.path}: truth file ${parsed.error.message}`);
      continue;
    }
    const truth = parsed.data;
    if (truth.path !== document.path) problems.push(`${document.path}: truth names ${truth.path}`);
    for (const part of [truth, ...truth.lines]) {
      const printed = Object.keys(part.printed).sort().join(",");
      if (printed !== Object.keys(part.fields).sort().join(","))
        problems.push(`${document.path}: printed and fields differ in keys`);
      for (const [key, value] of Object.entries(part.fields)) {
        const isDate = /(^|_)date$/.test(key) || key === "period_start" || key === "period_end";
        if (isDate && !ISO_DATE.test(String(value))) problems.push(`${document.path}: ${key} ${value} is not an ISO date`);
        if (DECIMAL_FIELDS.includes(key) && !DECIMAL.test(String(value)))
          problems.push(`${document.path}: ${key} ${value} is not a decimal`);
      }
    }
  }
  const listed = manifest.documents.map((entry) => entry.path).sort();
  const generated = documents.map((document) => document.path).sort();
  if (listed.join("\n") !== generated.join("\n")) problems.push("the manifest does not list exactly the generated documents");
  for (const entry of manifest.documents) if (!byPath.has(entry.truth)) problems.push(`manifest: no truth file ${entry.truth}`);
  return problems;
}

/** Every value a text PDF's truth calls printed is on one of its pages (each line of a wrapped value). */
export function pdfTextProblems({ byPath, truths }: ReadDocuments): string[] {
  const problems: string[] = [];
  for (const truth of truths.filter((candidate) => candidate.format === "pdf")) {
    const bytes = asBuffer(byPath.get(truth.path)?.content ?? "");
    if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") problems.push(`${truth.path}: does not start with %PDF-`);
    if (bytes.subarray(-6).toString("latin1").trim() !== "%%EOF") problems.push(`${truth.path}: does not end with %%EOF`);
    const runs = pdfTextRuns(bytes);
    for (const part of [truth, ...truth.lines]) {
      for (const [key, printed] of Object.entries(part.printed)) {
        // A signature is drawn, not written; an exception's kind is read from its note.
        if (key === "signed" || (truth.kind === "proof_of_delivery" && (key === "kind" || key === "cartons"))) continue;
        for (const printedLine of printed.split("\n")) {
          if (!runs.some((run) => run.includes(printedLine)))
            problems.push(`${truth.path}: ${key} "${printedLine}" is not on the page`);
        }
      }
    }
  }
  return problems;
}

/** Every interchange has a 106-character ISA, SE01 counting its segments, and group and interchange trailers that agree. */
export function interchangeProblems({ byPath, truths }: ReadDocuments): string[] {
  const problems: string[] = [];
  for (const truth of truths.filter((candidate) => candidate.format === "edi_x12")) {
    const { isa, segments } = parseX12(String(byPath.get(truth.path)?.content));
    const find = (id: string) => segments.find((segment) => segment[0] === id) ?? [];
    const names = segments.map((segment) => segment[0]);
    const say = (problem: string) => problems.push(`${truth.path}: ${problem}`);
    if (isa.length !== 106) say(`ISA is ${isa.length} characters`);
    if (Number(find("SE")[1]) !== names.indexOf("SE") - names.indexOf("ST") + 1)
      say(`SE01 ${find("SE")[1]} miscounts the segments`);
    if (find("GE")[1] !== "1" || find("GE")[2] !== find("GS")[6]) say("GE does not close GS");
    if (find("IEA")[1] !== "1" || find("IEA")[2] !== find("ISA")[13]) say("IEA does not close ISA");
    if (find("ISA")[13] !== truth.edi?.interchange_control_number) say("the truth has another control number");
    const elements = new Set(segments.flat());
    for (const part of [truth, ...truth.lines]) {
      for (const [key, printed] of Object.entries(part.printed))
        if (!elements.has(printed)) say(`${key} "${printed}" is no element`);
    }
  }
  return problems;
}
