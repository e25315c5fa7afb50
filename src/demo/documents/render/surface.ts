/** The typefaces layouts draw with: PDF standard fonts on paper, their DejaVu counterparts on scans. */
export type FontName = "sans" | "sans-bold" | "sans-oblique" | "serif" | "serif-bold" | "serif-italic" | "mono" | "mono-bold";

export type TextStyle = {
  font: FontName;
  size: number;
  /** `x` is the left edge, the right edge or the centre of the text. */
  align?: "left" | "right" | "center";
  color?: string;
};

export type StrokeStyle = { width?: number; color?: string; dash?: number };

/**
 * A page to draw on, in PDF points (612 × 792 for US letter) with y growing downwards. Layouts draw
 * on a Surface, so one layout renders both to a text PDF and to the canvas of a scanned page.
 */
export type Surface = {
  readonly width: number;
  readonly height: number;
  /** Draws one line of text whose top is at `y`. */
  text(value: string, x: number, y: number, style: TextStyle): void;
  widthOf(value: string, font: FontName, size: number): number;
  line(x1: number, y1: number, x2: number, y2: number, style?: StrokeStyle): void;
  rect(x: number, y: number, width: number, height: number, style: { fill?: string; stroke?: string; lineWidth?: number }): void;
  /** A smooth pen stroke through the points, e.g. a signature. */
  stroke(points: readonly (readonly [number, number])[], style?: StrokeStyle): void;
  addPage(): void;
};

export const LETTER = { width: 612, height: 792 } as const;
