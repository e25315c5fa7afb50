/** A rectangle on a page, in the page's own unit (`PageText.unit`), origin at the top left, y downwards. */
export type Box = { x0: number; y0: number; x1: number; y1: number };

/**
 * A word as an engine found it: its text, where it is, how sure an OCR engine was (0–100), and the
 * line the OCR engine put it on (its own line finding follows a scan's tilt).
 */
export type FoundWord = { text: string; box: Box; confidence?: number; lineKey?: string };

/** A word of a page's text: where it stands in `PageText.text` (`start` to `end`) and on the page. */
export type PageWord = FoundWord & { start: number; end: number; line: number };

/** Which engine read a page: a PDF's text layer (poppler or pdf.js), or OCR (tesseract or tesseract.js). */
export type TextEngine = "pdftotext" | "pdfjs" | "tesseract" | "tesseract.js" | "text";

/**
 * One page's text, laid out as it stands on the page (columns kept by spaces, lines in reading
 * order), with every word's place in that text and on the page, so whatever is read from the text
 * can be shown where it came from.
 */
export type PageText = {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  /** "pt" (1/72 in) for a PDF's text layer, "px" for OCR of an image. */
  unit: "pt" | "px";
  engine: TextEngine;
  text: string;
  words: PageWord[];
  /** Mean OCR confidence of the page's words (0–100); null for a text layer. */
  confidence: number | null;
  /**
   * Degrees a scan's print ran clockwise of level, when it was levelled before OCR: its words'
   * boxes are on the page so levelled (turned back by `skew` about its middle). Absent otherwise.
   */
  skew?: number;
};

export type DocumentText = {
  kind: "pdf" | "image" | "text";
  pages: PageText[];
};
