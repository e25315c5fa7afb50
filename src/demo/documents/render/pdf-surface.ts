import PDFDocument from "pdfkit";
import { finishPdf } from "./pdf-bytes.ts";
import type { FontName, StrokeStyle, Surface, TextStyle } from "./surface.ts";
import { LETTER } from "./surface.ts";

const STANDARD_FONTS: Record<FontName, string> = {
  sans: "Helvetica",
  "sans-bold": "Helvetica-Bold",
  "sans-oblique": "Helvetica-Oblique",
  serif: "Times-Roman",
  "serif-bold": "Times-Bold",
  "serif-italic": "Times-Italic",
  mono: "Courier",
  "mono-bold": "Courier-Bold",
};

type PdfInfo = { title: string; author: string; date: string };

/** A text PDF built with pdfkit, byte-identical for identical drawing and info. */
export class PdfSurface implements Surface {
  readonly width = LETTER.width;
  readonly height = LETTER.height;
  readonly #doc: PDFKit.PDFDocument;
  #pages = 1;

  constructor(info: PdfInfo) {
    // A fixed creation date: pdfkit derives the file /ID from the info dictionary, so it is fixed too.
    const date = new Date(`${info.date.slice(0, 10)}T12:00:00Z`);
    this.#doc = new PDFDocument({
      size: "LETTER",
      margin: 0,
      info: { Title: info.title, Author: info.author, Creator: "Crossdock demo", CreationDate: date, ModDate: date },
    });
  }

  get pages(): number {
    return this.#pages;
  }

  text(value: string, x: number, y: number, style: TextStyle): void {
    const doc = this.#doc.font(STANDARD_FONTS[style.font]).fontSize(style.size);
    const width = doc.widthOfString(value);
    const left = style.align === "right" ? x - width : style.align === "center" ? x - width / 2 : x;
    doc.fillColor(style.color ?? "#000000").text(value, left, y, { lineBreak: false });
  }

  widthOf(value: string, font: FontName, size: number): number {
    return this.#doc.font(STANDARD_FONTS[font]).fontSize(size).widthOfString(value);
  }

  line(x1: number, y1: number, x2: number, y2: number, style: StrokeStyle = {}): void {
    const doc = this.#doc
      .save()
      .lineWidth(style.width ?? 0.5)
      .strokeColor(style.color ?? "#000000");
    if (style.dash) doc.dash(style.dash, { space: style.dash });
    doc.moveTo(x1, y1).lineTo(x2, y2).stroke().restore();
  }

  rect(x: number, y: number, width: number, height: number, style: { fill?: string; stroke?: string; lineWidth?: number }): void {
    const doc = this.#doc.save().lineWidth(style.lineWidth ?? 0.5);
    doc.rect(x, y, width, height);
    if (style.fill && style.stroke) doc.fillAndStroke(style.fill, style.stroke);
    else if (style.fill) doc.fill(style.fill);
    else doc.stroke(style.stroke ?? "#000000");
    doc.restore();
  }

  stroke(points: readonly (readonly [number, number])[], style: StrokeStyle = {}): void {
    const [first, ...rest] = points;
    if (!first) return;
    const doc = this.#doc
      .save()
      .lineWidth(style.width ?? 1)
      .strokeColor(style.color ?? "#000000")
      .lineCap("round")
      .lineJoin("round");
    doc.moveTo(first[0], first[1]);
    for (let i = 0; i < rest.length - 1; i += 2) {
      const control = rest[i] as readonly [number, number];
      const end = rest[i + 1] as readonly [number, number];
      doc.quadraticCurveTo(control[0], control[1], end[0], end[1]);
    }
    doc.stroke().restore();
  }

  addPage(): void {
    this.#doc.addPage({ size: "LETTER", margin: 0 });
    this.#pages++;
  }

  finish(): Buffer {
    return finishPdf(this.#doc);
  }
}
