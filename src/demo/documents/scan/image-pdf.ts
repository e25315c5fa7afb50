import PDFDocument from "pdfkit";
import { finishPdf } from "../render/pdf-bytes.ts";
import { LETTER } from "../render/surface.ts";

/** A PDF holding only the page image, as scanners and fax servers produce: no text layer. */
export function imageOnlyPdf(png: Buffer, info: { title: string; date: string }): Buffer {
  const date = new Date(`${info.date.slice(0, 10)}T12:00:00Z`);
  const doc = new PDFDocument({
    size: "LETTER",
    margin: 0,
    info: { Title: info.title, Creator: "Crossdock demo scanner", CreationDate: date, ModDate: date },
  });
  doc.image(png, 0, 0, { width: LETTER.width, height: LETTER.height });
  return finishPdf(doc);
}
