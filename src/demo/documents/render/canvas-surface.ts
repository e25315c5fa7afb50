import { type Canvas, createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import { ascent, canvasFont, registerScanFonts } from "./fonts.ts";
import type { FontName, StrokeStyle, Surface, TextStyle } from "./surface.ts";
import { LETTER } from "./surface.ts";

/** Where a page lies on the scanner glass: turned a little, shifted, slightly shrunk. */
type Placement = { rotationDegrees: number; offsetX: number; offsetY: number; scale: number };

/** One page drawn on a canvas at `dpi`, as the light of a scanner or fax sees the paper. */
export class CanvasSurface implements Surface {
  readonly width = LETTER.width;
  readonly height = LETTER.height;
  readonly canvas: Canvas;
  readonly #context: SKRSContext2D;

  constructor(
    readonly dpi: number,
    placement: Placement,
  ) {
    registerScanFonts();
    const scale = dpi / 72;
    this.canvas = createCanvas(Math.round(LETTER.width * scale), Math.round(LETTER.height * scale));
    const context = this.canvas.getContext("2d");
    context.lang = "en";
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, this.canvas.width, this.canvas.height);
    const centreX = this.canvas.width / 2;
    const centreY = this.canvas.height / 2;
    context.translate(centreX + placement.offsetX, centreY + placement.offsetY);
    context.rotate((placement.rotationDegrees * Math.PI) / 180);
    context.scale(scale * placement.scale, scale * placement.scale);
    context.translate(-LETTER.width / 2, -LETTER.height / 2);
    context.lineCap = "round";
    context.lineJoin = "round";
    this.#context = context;
  }

  text(value: string, x: number, y: number, style: TextStyle): void {
    const context = this.#context;
    context.font = canvasFont(style.font, style.size);
    context.fillStyle = style.color ?? "#000000";
    context.textAlign = style.align ?? "left";
    context.textBaseline = "alphabetic";
    context.fillText(value, x, y + style.size * ascent(style.font));
  }

  widthOf(value: string, font: FontName, size: number): number {
    this.#context.font = canvasFont(font, size);
    return this.#context.measureText(value).width;
  }

  line(x1: number, y1: number, x2: number, y2: number, style: StrokeStyle = {}): void {
    const context = this.#context;
    context.beginPath();
    context.setLineDash(style.dash ? [style.dash, style.dash] : []);
    context.lineWidth = style.width ?? 0.5;
    context.strokeStyle = style.color ?? "#000000";
    context.moveTo(x1, y1);
    context.lineTo(x2, y2);
    context.stroke();
    context.setLineDash([]);
  }

  rect(x: number, y: number, width: number, height: number, style: { fill?: string; stroke?: string; lineWidth?: number }): void {
    const context = this.#context;
    if (style.fill) {
      context.fillStyle = style.fill;
      context.fillRect(x, y, width, height);
    }
    if (style.stroke || !style.fill) {
      context.lineWidth = style.lineWidth ?? 0.5;
      context.strokeStyle = style.stroke ?? "#000000";
      context.strokeRect(x, y, width, height);
    }
  }

  stroke(points: readonly (readonly [number, number])[], style: StrokeStyle = {}): void {
    const [first, ...rest] = points;
    if (!first) return;
    const context = this.#context;
    context.beginPath();
    context.lineWidth = style.width ?? 1;
    context.strokeStyle = style.color ?? "#000000";
    context.moveTo(first[0], first[1]);
    for (let i = 0; i < rest.length - 1; i += 2) {
      const control = rest[i] as readonly [number, number];
      const end = rest[i + 1] as readonly [number, number];
      context.quadraticCurveTo(control[0], control[1], end[0], end[1]);
    }
    context.stroke();
  }

  /** Text straight on the image, unaffected by how the page lies: what a fax machine prints on top. */
  overlayText(value: string, xPixels: number, yPixels: number, sizePixels: number): void {
    const context = this.#context;
    context.save();
    context.resetTransform();
    context.font = canvasFont("mono", sizePixels);
    context.fillStyle = "#000000";
    context.textAlign = "left";
    context.textBaseline = "top";
    context.fillText(value, xPixels, yPixels);
    context.restore();
  }

  /** The page as 8-bit grey levels, row by row. */
  grayPixels(): Uint8Array {
    const { data } = this.#context.getImageData(0, 0, this.canvas.width, this.canvas.height);
    const gray = new Uint8Array(this.canvas.width * this.canvas.height);
    for (let index = 0; index < gray.length; index++) {
      const offset = index * 4;
      gray[index] =
        ((data[offset] as number) * 299 + (data[offset + 1] as number) * 587 + (data[offset + 2] as number) * 114) / 1000;
    }
    return gray;
  }

  addPage(): void {
    throw new Error("a scanned document is drawn on a single page");
  }
}
