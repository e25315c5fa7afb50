import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { generateDocuments } from "../src/demo/documents/index.ts";
import { fixtureWorld } from "../src/demo/documents/testing/fixture-world.ts";
import { Random } from "../src/demo/random.ts";
import {
  addCounts,
  catalogueFromRecords,
  createTextReader,
  type DocumentKind,
  type Engines,
  type ExpectedLine,
  type ExtractedValue,
  emptyCounts,
  f1Of,
  HEADER_SPECS,
  judgeReading,
  popplerInstalled,
  type ReadDocument,
  readDocument,
  repairFromCatalogue,
  sameValue,
  scoreLines,
  type TextReader,
  tesseractInstalled,
} from "../src/modules/documents/index.ts";
import { measureWithRecords } from "./support/documents-with-records.ts";
import { scoreInvoice2data } from "./support/invoice2data.ts";
import { openBenchModelReader } from "./support/model-reader.ts";
import { type Metric, report } from "./support/results.ts";
import { measureSenderLearning } from "./support/sender-learning.ts";

/**
 * Document intelligence (issue 7), as far as it is built: reading text (text PDFs in pages per
 * second, scanned pages per second per core, on the two cores) with each engine installed here;
 * classification against the demo's ground truth and the real invoices of ../shared/datasets; and
 * line items' field-level precision, recall and F1 against the demo's truth (header fields, the
 * touchless rate and invoice2data's 146 fields join as extraction grows).
 * `npm run bench -- documents`.
 */
const DOCUMENTS = path.resolve(import.meta.dirname, "..", "..", "shared", "datasets", "documents");
const ROUNDS = Number(process.env.BENCH_DOCUMENTS_ROUNDS ?? 3);
const PARTY_FIELD =
  /^(buyer|vendor|ship_to|bill_to|supplier|shipper|consignee|distributor)_(name|address_line\d|city|region|postal_code|phone)$/;

type Sample = {
  name: string;
  bytes: Buffer;
  kind: string;
  scan: boolean;
  lines?: ExpectedLine[];
  header?: { fields: Record<string, string | number | boolean>; printed: Record<string, string> };
};

const world = fixtureWorld("medium");
/** The demo distributor's items as the pipeline knows them, to mend OCR'd lines with (as it does for a tenant). */
const catalogue = catalogueFromRecords({
  items: world.records.item.map((item) => ({ ...item, uom_conversions: item.uom_conversions ?? null })),
  xrefs: world.records.item_xref,
});

function demoSamples(): Sample[] {
  const files = generateDocuments(world, new Random(11).fork("documents"));
  const samples: Sample[] = [];
  for (const file of files) {
    if (!/\.(pdf|png)$/.test(file.path)) continue;
    const truth = JSON.parse(String(files.find((candidate) => candidate.path === `${file.path}.truth.json`)?.content)) as {
      kind: string;
      lines: ExpectedLine[];
      fields: Record<string, string | number | boolean>;
      printed: Record<string, string>;
    };
    // A proof of delivery's "lines" are the exceptions noted on it, not a table of items.
    const lines = truth.kind === "proof_of_delivery" ? undefined : truth.lines;
    samples.push({
      name: file.path,
      bytes: Buffer.from(file.content),
      kind: truth.kind,
      scan: file.path.includes("/scan/"),
      header: { fields: truth.fields, printed: truth.printed },
      ...(lines ? { lines } : {}),
    });
  }
  return samples;
}

/** Header fields the reader has labels for, and the parties' names and addresses, against the truth. */
function headerCountsOf(sample: Sample, fields: Record<string, ExtractedValue>) {
  const counts = emptyCounts();
  if (!sample.header) return counts;
  const known = (HEADER_SPECS[sample.kind as DocumentKind] ?? []).map((spec) => spec.field);
  const parties = Object.keys(sample.header.fields).filter((field) => PARTY_FIELD.test(field));
  for (const field of [...known, ...parties]) {
    const expected = sample.header.fields[field];
    const value = fields[field];
    if (expected === undefined) counts.falsePositives += value ? 1 : 0;
    else if (!value) counts.falseNegatives += 1;
    else if (sameValue(value.value, expected, sample.header.printed[field])) counts.truePositives += 1;
    else {
      counts.falsePositives += 1;
      counts.falseNegatives += 1;
    }
  }
  return counts;
}

/** Whether a document that went straight through had its kind, a field or a line wrong. */
function wrongWhenTouchless(sample: Sample, read: ReadDocument): boolean {
  const header = sample.header;
  const wrongField =
    header !== undefined &&
    Object.entries(read.fields).some(
      ([field, value]) =>
        header.fields[field] !== undefined && !sameValue(value.value, header.fields[field], header.printed[field]),
    );
  const lines = sample.lines ? scoreLines(read.lines, sample.lines) : null;
  return (
    read.classification.kind !== sample.kind || wrongField || (lines !== null && lines.falsePositives + lines.falseNegatives > 0)
  );
}

/**
 * The model extractor, judged as the rules are (line F1 and header F1 on the demo's text PDFs, the
 * touchless rate and the errors among touchless, invoice2data's fields), when a model server is
 * named (`support/model-reader.ts`); said to be skipped otherwise. At most
 * CROSSDOCK_BENCH_MODEL_DOCS demo documents (40 unless said): a local model reads a page in seconds.
 */
async function measureModelReader(reader: TextReader, samples: Sample[], metrics: Metric[]) {
  const model = await openBenchModelReader();
  if (!model) {
    process.stdout.write(
      "(model extractor skipped: set CROSSDOCK_BENCH_MODEL_URL and CROSSDOCK_BENCH_MODEL to an OpenAI-compatible server to measure it)\n",
    );
    return;
  }
  process.stdout.write(`model extractor (${model.label})…\n`);
  try {
    const chosen = samples.slice(0, Number(process.env.CROSSDOCK_BENCH_MODEL_DOCS ?? 40));
    const lineCounts = emptyCounts();
    const headerCounts = emptyCounts();
    let touchless = 0;
    let touchlessWrong = 0;
    for (const sample of chosen) {
      const text = await reader.read(sample.bytes);
      const rules = readDocument(text, { kind: sample.kind as DocumentKind });
      const read = await model.read(rules.kind, text.pages, rules);
      const judged = judgeReading(rules.kind, rules.classification, read.fields, read.lines, true);
      addCounts(headerCounts, headerCountsOf(sample, judged.fields));
      if (sample.lines) addCounts(lineCounts, scoreLines(judged.lines, sample.lines));
      if (judged.straightThrough) {
        touchless += 1;
        if (wrongWhenTouchless(sample, judged)) touchlessWrong += 1;
      }
    }
    const note = `${model.label}, ${chosen.length} demo text PDFs`;
    metrics.push({
      name: "model extractor: line items, demo text PDFs, F1",
      value: f1Of(lineCounts).f1,
      unit: "",
      target: ">= 0.95",
      note,
    });
    metrics.push({ name: "model extractor: header fields, demo text PDFs, F1", value: f1Of(headerCounts).f1, unit: "", note });
    metrics.push({
      name: "model extractor: straight through, demo text PDFs",
      value: (touchless / Math.max(1, chosen.length)) * 100,
      unit: `% of ${chosen.length}`,
    });
    metrics.push({
      name: "model extractor: touchless documents with any field or line wrong",
      value: touchless > 0 ? (touchlessWrong / touchless) * 100 : 0,
      unit: `% of ${touchless}`,
      target: "< 1",
    });
    const invoice2data = await scoreInvoice2data(DOCUMENTS, reader, (pages, rules) => model.read("invoice", pages, rules));
    if (invoice2data)
      metrics.push({
        name: "model extractor: invoice2data's 10 text PDFs, expected fields read right",
        value: (invoice2data.right / invoice2data.fields) * 100,
        unit: `% of ${invoice2data.fields}`,
        target: ">= 85",
      });
  } finally {
    await model.close();
  }
}

async function realInvoices(): Promise<Sample[]> {
  if (!existsSync(DOCUMENTS)) return [];
  const folders = [path.join(DOCUMENTS, "invoice2data", "compare"), path.join(DOCUMENTS, "docile-sample", "pdfs")];
  const files = folders
    .flatMap((folder) => readdirSync(folder).map((name) => path.join(folder, name)))
    .filter((file) => file.endsWith(".pdf"));
  return Promise.all(
    files.map(async (file) => ({ name: path.basename(file), bytes: await readFile(file), kind: "invoice", scan: false })),
  );
}

/** Reads `samples` with `workers` readers side by side; the best of ROUNDS, in pages per second. */
async function throughput(engines: Engines, samples: Sample[], workers: number): Promise<{ pages: number; perSecond: number }> {
  const readers = Array.from({ length: workers }, () => createTextReader({ engines }));
  try {
    // A first pass loads pdf.js and starts tesseract.js's workers, which a running server has done long before.
    await Promise.all(readers.map((reader, index) => (samples[index] ? reader.read(samples[index].bytes) : null)));
    let best = { pages: 0, perSecond: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      let next = 0;
      let pages = 0;
      const started = performance.now();
      await Promise.all(
        readers.map(async (reader) => {
          for (let index = next++; index < samples.length; index = next++) {
            // Read first, then add: `pages += await …` would add to the count as it stood before the read.
            const read = (await reader.read((samples[index] as Sample).bytes)).pages.length;
            pages += read;
          }
        }),
      );
      const perSecond = pages / ((performance.now() - started) / 1000);
      if (perSecond > best.perSecond) best = { pages, perSecond };
    }
    return best;
  } finally {
    await Promise.all(readers.map((reader) => reader.close()));
  }
}

export async function main(): Promise<void> {
  const demo = demoSamples();
  const real = await realInvoices();
  const textPdfs = demo.filter((sample) => !sample.scan && sample.name.endsWith(".pdf"));
  const scans = demo.filter((sample) => sample.scan && sample.name.endsWith(".png"));
  const cores = Math.min(2, cpus().length);
  const metrics: Metric[] = [];

  const pdfEngines: Engines["pdf"][] = popplerInstalled() ? ["pdftotext", "pdfjs"] : ["pdfjs"];
  const ocrEngines: Engines["ocr"][] = tesseractInstalled() ? ["tesseract", "tesseract.js"] : ["tesseract.js"];
  for (const pdf of pdfEngines) {
    process.stdout.write(`text PDFs with ${pdf}…\n`);
    const result = await throughput({ pdf, ocr: "tesseract.js" }, textPdfs, cores);
    metrics.push({
      name: `text PDFs read (${pdf}), ${cores} at a time`,
      value: result.perSecond,
      unit: "pages/s",
      target: ">= 20",
      note: `${textPdfs.length} demo PDFs, ${result.pages} pages a round`,
    });
  }
  for (const ocr of ocrEngines) {
    process.stdout.write(`scans with ${ocr}…\n`);
    const result = await throughput({ pdf: "pdfjs", ocr }, scans, cores);
    metrics.push({
      name: `scanned pages OCR'd (${ocr}), per core`,
      value: result.perSecond / cores,
      unit: "pages/s",
      target: ">= 0.5",
      note: `${scans.length} demo scans (150 dpi PNG, scanner and fax), ${cores} at a time`,
    });
  }

  process.stdout.write("classification…\n");
  const reader = createTextReader();
  try {
    const groups: [string, Sample[]][] = [
      ["demo text PDFs", textPdfs],
      ["demo scans", scans],
      ...(real.length > 0 ? ([["real invoices (invoice2data, DocILE)", real]] as [string, Sample[]][]) : []),
    ];
    for (const [label, samples] of groups) {
      let right = 0;
      const wrong: string[] = [];
      const lineCounts = emptyCounts();
      const unmendedLineCounts = emptyCounts();
      const headerCounts = emptyCounts();
      let touchless = 0;
      const touchlessWrong: string[] = [];
      let withLines = 0;
      for (const sample of samples) {
        const text = await reader.read(sample.bytes);
        // OCR'd lines are mended from the tenant's catalogue, as the pipeline does before its checks.
        const mend = (document: ReturnType<typeof readDocument>) =>
          sample.scan ? { ...document, lines: repairFromCatalogue(document.lines, catalogue).lines } : document;
        const asRead = readDocument(text);
        const read = mend(asRead);
        if (read.classification.kind === sample.kind) right += 1;
        else wrong.push(`${sample.name}: ${read.classification.kind}`);
        // Fields and lines are scored as read for the document's own kind, so a misclassification does not count twice.
        const ownAsRead = asRead.kind === sample.kind ? asRead : readDocument(text, { kind: sample.kind as DocumentKind });
        const own = mend(ownAsRead);
        if (sample.header) {
          addCounts(headerCounts, headerCountsOf(sample, own.fields));
          // Straight through at the shipped thresholds, and whether anything it read was wrong.
          if (read.straightThrough) {
            touchless += 1;
            if (wrongWhenTouchless(sample, read)) touchlessWrong.push(sample.name);
          }
        }
        if (sample.lines) {
          addCounts(lineCounts, scoreLines(own.lines, sample.lines));
          addCounts(unmendedLineCounts, scoreLines(ownAsRead.lines, sample.lines));
          withLines += 1;
        }
      }
      metrics.push({
        name: `classified right: ${label}`,
        value: (right / samples.length) * 100,
        unit: `% of ${samples.length}`,
        ...(wrong.length > 0 ? { note: wrong.slice(0, 5).join("; ") } : {}),
      });
      if (samples.some((sample) => sample.header)) {
        metrics.push({
          name: `straight through (touchless) at the shipped thresholds: ${label}`,
          value: (touchless / samples.length) * 100,
          unit: `% of ${samples.length}`,
        });
        metrics.push({
          name: `touchless documents with any field or line wrong: ${label}`,
          value: touchless > 0 ? (touchlessWrong.length / touchless) * 100 : 0,
          unit: `% of ${touchless}`,
          target: "< 1",
          ...(touchlessWrong.length > 0 ? { note: touchlessWrong.slice(0, 5).join("; ") } : {}),
        });
      }
      if (headerCounts.truePositives + headerCounts.falseNegatives > 0) {
        const { precision, recall, f1 } = f1Of(headerCounts);
        metrics.push({
          name: `header fields: ${label}, F1`,
          value: f1,
          unit: "",
          note: `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}; numbers, dates, terms and totals the header reader has labels for, and the parties' names, addresses and phones`,
        });
      }
      if (withLines > 0) {
        const { precision, recall, f1 } = f1Of(lineCounts);
        const target = label === "demo text PDFs" ? ">= 0.95" : label === "demo scans" ? ">= 0.9" : undefined;
        metrics.push({ name: `line items: ${label}, precision`, value: precision, unit: "" });
        metrics.push({ name: `line items: ${label}, recall`, value: recall, unit: "" });
        metrics.push({
          name: `line items: ${label}, F1`,
          value: f1,
          unit: "",
          ...(target ? { target } : {}),
          note: `${withLines} documents, field level (${lineCounts.truePositives} right, ${lineCounts.falsePositives} wrong or extra, ${lineCounts.falseNegatives} missed)${label === "demo scans" ? "; OCR'd lines mended from the items' catalogue, as the pipeline does" : ""}`,
        });
        if (label === "demo scans") {
          const unmended = f1Of(unmendedLineCounts);
          metrics.push({
            name: "line items: demo scans as OCR read them (no catalogue), F1",
            value: unmended.f1,
            unit: "",
            note: `precision ${unmended.precision.toFixed(3)}, recall ${unmended.recall.toFixed(3)}`,
          });
        }
      }
    }
    if (real.length === 0) process.stdout.write(`(no shared documents at ${DOCUMENTS}: the real invoices are not measured)\n`);
    const invoice2data = await scoreInvoice2data(DOCUMENTS, reader);
    if (invoice2data) {
      const keys = Object.entries(invoice2data.byKey)
        .filter(([, counts]) => counts.right > 0)
        .map(([key, counts]) => `${key} ${counts.right}/${counts.of}`);
      metrics.push({
        name: "invoice2data's 10 text PDFs: expected fields read right, no template",
        value: (invoice2data.right / invoice2data.fields) * 100,
        unit: `% of ${invoice2data.fields}`,
        target: ">= 85",
        note: `right: ${keys.join(", ") || "none"}; invoice2data itself reads 146/146 with one template per issuer`,
      });
      const missed = invoice2data.files.flatMap((file) =>
        file.keys.filter((key) => key.printed && !key.right).map((key) => `${file.file} ${key.key}`),
      );
      metrics.push({
        name: "invoice2data: of the expected fields the documents print, read right",
        value: (invoice2data.printed.right / invoice2data.printed.fields) * 100,
        unit: `% of ${invoice2data.printed.fields}`,
        note: `${invoice2data.fields - invoice2data.printed.fields} expected values only a template gives (its desc, constants, composed notes); missed: ${missed.join(", ") || "none"}`,
      });
    }
    process.stdout.write("with the records' checks…\n");
    await measureWithRecords(metrics);
    await measureModelReader(reader, textPdfs, metrics);
    const learning = measureSenderLearning();
    const reviews = learning.senders.map((sender) => sender.reviewsBeforeTouchless);
    const learned = reviews.filter((count): count is number => count !== null);
    metrics.push({
      name: "reviews of a new sender before its documents go straight through",
      value: learned.length > 0 ? Math.max(...learned) : Number.NaN,
      unit: `at most, ${learned.length} of ${reviews.length} senders learned`,
      note: learning.senders
        .map(
          (sender) =>
            `${sender.name}: ${sender.reviewsBeforeTouchless ?? "never"} (then ${sender.touchlessAfter} of the rest touchless, ${sender.wrongTouchless} touchless with a wrong field)`,
        )
        .join("; "),
    });
  } finally {
    await reader.close();
  }
  await report("documents", metrics, {
    engines_installed: { poppler: popplerInstalled(), tesseract: tesseractInstalled() },
    load_average: loadavg(),
    node: process.version,
    rounds: ROUNDS,
  });
}
