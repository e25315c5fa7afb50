import { createCanvas } from "@napi-rs/canvas";
import PDFDocument from "pdfkit";

/**
 * A text PDF drawn by pdfkit in Courier, one page per entry, each line of a page 12 pt under the
 * one before (so columns of monospaced text stay columns); optionally protected by a password.
 */
export function pdfOf(pages: string[], options: { userPassword?: string } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({ autoFirstPage: false, size: "LETTER", ...options });
    const chunks: Buffer[] = [];
    document.on("data", (chunk: Buffer) => chunks.push(chunk));
    document.on("end", () => resolve(Buffer.concat(chunks)));
    document.on("error", reject);
    for (const text of pages) {
      document.addPage().font("Courier").fontSize(9);
      for (const [row, line] of text.split("\n").entries()) document.text(line, 36, 36 + 12 * row, { lineBreak: false });
    }
    document.end();
  });
}

/** A plain-text supplier invoice that reads whole and adds up: it goes straight through. */
export function invoiceText(number: string, options: { supplier?: string; quantity?: number; page?: string } = {}): string {
  const quantity = options.quantity ?? 10;
  const first = (quantity * 2.5).toFixed(2);
  const total = (quantity * 2.5 + 10).toFixed(2);
  return `${options.supplier ?? "Harbor Industrial Supply"}
100 Dock Street
Portland, OR 97201

INVOICE${options.page ? `                                          ${options.page}` : ""}

Invoice No: ${number}          Invoice Date: 03/14/2025
PO Number: PO-7781             Terms: NET 30

Bill To
Crossdock Distributors
12 Main St
Salem, OR 97301

Line  Item       Description          Qty  UOM  Unit Price    Amount
1     HX-100     Hex bolt 1/2 in       ${String(quantity).padStart(3)}  EA        2.50     ${first.padStart(6)}
2     WS-200     Washer, steel        100  EA        0.10     10.00

                                        Subtotal        ${total}
                                        Total           ${total}
`;
}

/** A scan: `text` drawn on an image, put in a PDF without a text layer. */
export async function scanOf(text: string): Promise<Buffer> {
  const canvas = createCanvas(1700, 2200);
  const context = canvas.getContext("2d");
  context.fillStyle = "white";
  context.fillRect(0, 0, 1700, 2200);
  context.fillStyle = "black";
  context.font = "25px DejaVu Sans Mono, monospace";
  for (const [row, line] of text.split("\n").entries()) context.fillText(line, 100, 120 + row * 34);
  const png = canvas.toBuffer("image/png");
  return new Promise((resolve) => {
    const document = new PDFDocument({ size: "LETTER", margin: 0 });
    const chunks: Buffer[] = [];
    document.on("data", (chunk: Buffer) => chunks.push(chunk));
    document.on("end", () => resolve(Buffer.concat(chunks)));
    document.image(png, 0, 0, { width: 612, height: 792 });
    document.end();
  });
}
