import PDFDocument from "pdfkit";
import { assertNever, type Block, type KnowledgeDocument } from "../document.ts";

type Pdf = InstanceType<typeof PDFDocument>;

export type PdfOptions = {
  author: string;
  /** Written as the PDF's creation and modification date, so the bytes (and pdfkit's /ID, a hash of the info) never depend on the clock. */
  date: string;
};

const MARGIN = 54;
const BODY = 9.5;
const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";

/** A text PDF of the document: the same blocks as its Markdown, laid out on US Letter pages. */
export function renderPdf(document: KnowledgeDocument, options: PdfOptions): Buffer {
  const stamp = new Date(`${options.date}T09:00:00Z`);
  const pdf = new PDFDocument({
    size: "LETTER",
    margin: MARGIN,
    bufferPages: true,
    info: { Title: document.title, Author: options.author, Subject: document.kind, CreationDate: stamp, ModDate: stamp },
  });
  for (const block of document.blocks) drawBlock(pdf, block);
  drawFooters(pdf, document.title);
  pdf.end();
  // pdfkit pushes every chunk into its readable buffer before end() returns: read them without waiting.
  const chunks: Buffer[] = [];
  for (let chunk = pdf.read() as Buffer | null; chunk !== null; chunk = pdf.read() as Buffer | null) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function drawBlock(pdf: Pdf, block: Block): void {
  const width = contentWidth(pdf);
  switch (block.kind) {
    case "heading": {
      const size = block.level === 1 ? 15 : block.level === 2 ? 11.5 : 10;
      keepRoom(pdf, size * 4);
      if (block.level > 1) pdf.moveDown(0.4);
      pdf.font(BOLD).fontSize(size).text(pdfText(block.text), MARGIN, pdf.y, { width });
      pdf.moveDown(block.level === 1 ? 0.6 : 0.3);
      return;
    }
    case "paragraph":
      if (block.label !== undefined) {
        pdf
          .font(BOLD)
          .fontSize(BODY)
          .text(`${pdfText(block.label)} `, MARGIN, pdf.y, { width, continued: true });
        pdf.font(FONT).text(pdfText(block.text), { width });
      } else {
        pdf.font(FONT).fontSize(BODY).text(pdfText(block.text), MARGIN, pdf.y, { width });
      }
      pdf.moveDown(0.5);
      return;
    case "list":
      pdf.font(FONT).fontSize(BODY);
      block.items.forEach((item, index) => {
        const text = pdfText(item);
        keepRoom(pdf, pdf.heightOfString(text, { width: width - 18 }));
        const top = pdf.y;
        pdf.text(block.ordered ? `${index + 1}.` : "\u2022", MARGIN + 4, top, { width: 14 });
        pdf.text(text, MARGIN + 18, top, { width: width - 18 });
        pdf.moveDown(0.2);
      });
      pdf.moveDown(0.3);
      return;
    case "table":
      drawTable(pdf, block.columns, block.rows, block.widths);
      return;
    case "fields":
      for (const [label, value] of block.fields) {
        pdf
          .font(BOLD)
          .fontSize(BODY)
          .text(`${pdfText(label)}: `, MARGIN, pdf.y, { width, continued: true });
        pdf.font(FONT).text(pdfText(value), { width });
      }
      pdf.moveDown(0.6);
      return;
    case "signatures":
      for (const { party, signer, title } of block.parties) {
        keepRoom(pdf, 70);
        pdf.font(BOLD).fontSize(BODY).text(pdfText(party), MARGIN, pdf.y, { width });
        pdf.moveDown(0.8);
        pdf.font(FONT).text(`By: ${pdfText(signer)}`, MARGIN, pdf.y, { width });
        pdf
          .moveTo(MARGIN + 20, pdf.y)
          .lineTo(MARGIN + 240, pdf.y)
          .lineWidth(0.5)
          .stroke();
        pdf.moveDown(0.2);
        pdf.text(`Title: ${pdfText(title)}`, MARGIN, pdf.y, { width });
        pdf.moveDown(1);
      }
      return;
    case "break":
      pdf.addPage();
      return;
    default:
      assertNever(block);
  }
}

function drawTable(pdf: Pdf, columns: string[], rows: string[][], weights?: number[]): void {
  const width = contentWidth(pdf);
  const shares = weights ?? columns.map(() => 1);
  const total = shares.reduce((sum, share) => sum + share, 0);
  const widths = shares.map((share) => (share / total) * width);
  const size = BODY - 1;
  const pad = 3;
  const drawRow = (cells: string[], header: boolean) => {
    pdf.font(header ? BOLD : FONT).fontSize(size);
    const texts = cells.map(pdfText);
    const height = Math.max(...texts.map((text, i) => pdf.heightOfString(text, { width: (widths[i] ?? 0) - 2 * pad }))) + 2 * pad;
    if (pdf.y + height > pdf.page.height - MARGIN) {
      pdf.addPage();
      if (!header) drawRow(columns, true);
      pdf.font(header ? BOLD : FONT).fontSize(size);
    }
    const top = pdf.y;
    if (header) pdf.rect(MARGIN, top, width, height).fillColor("#e6e6e6").fill().fillColor("black");
    let x = MARGIN;
    texts.forEach((text, i) => {
      const cellWidth = widths[i] ?? 0;
      pdf.text(text, x + pad, top + pad, { width: cellWidth - 2 * pad });
      x += cellWidth;
    });
    pdf
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + width, top + height)
      .lineWidth(0.4)
      .strokeColor("#999999")
      .stroke();
    pdf.strokeColor("black");
    pdf.x = MARGIN;
    pdf.y = top + height;
  };
  drawRow(columns, true);
  for (const row of rows) drawRow(row, false);
  pdf.moveDown(0.8);
}

function drawFooters(pdf: Pdf, title: string): void {
  const range = pdf.bufferedPageRange();
  for (let index = 0; index < range.count; index++) {
    pdf.switchToPage(range.start + index);
    // Writing below the bottom margin would make pdfkit start a page; lift the margin for the footer line.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font(FONT)
      .fontSize(7.5)
      .fillColor("#555555")
      .text(`${pdfText(title)} - page ${index + 1} of ${range.count}`, MARGIN, pdf.page.height - MARGIN / 2 - 6, {
        width: contentWidth(pdf),
        align: "center",
        lineBreak: false,
      });
    pdf.fillColor("black");
    pdf.page.margins.bottom = bottom;
  }
}

function keepRoom(pdf: Pdf, height: number): void {
  if (pdf.y + height > pdf.page.height - MARGIN) pdf.addPage();
}

function contentWidth(pdf: Pdf): number {
  return pdf.page.width - 2 * MARGIN;
}

// The standard PDF fonts cover Windows-1252; anything else would print as nothing.
const WIN_ANSI_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const REPLACEMENTS: Record<string, string> = { "≥": ">=", "≤": "<=", "→": "->", "−": "-", "\u00a0": " " };

function pdfText(text: string): string {
  return Array.from(text, (char) => {
    if (REPLACEMENTS[char] !== undefined) return REPLACEMENTS[char];
    return char.charCodeAt(0) < 256 || WIN_ANSI_EXTRAS.has(char) ? char : "?";
  }).join("");
}
