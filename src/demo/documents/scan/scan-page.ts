import type { Random } from "../../random.ts";
import { CanvasSurface } from "../render/canvas-surface.ts";
import type { Surface } from "../render/surface.ts";
import type { ScanTruth } from "../truth/truth.ts";
import { degrade, drawDegradation } from "./degrade.ts";
import { encodeGrayPng } from "./gray-png.ts";
import { imageOnlyPdf } from "./image-pdf.ts";

const SCAN_DPI = 150;

type ScannedPage = { png: Buffer; pdf: Buffer; scan: ScanTruth };

/**
 * Prints a one-page document, then scans or faxes it: the sheet lies a little crooked on the glass,
 * the optics blur, the sensor adds noise, the lid lets light in unevenly. Returns the greyscale PNG
 * and an image-only PDF of it.
 */
export function scanPage(
  draw: (surface: Surface) => void,
  random: Random,
  info: { title: string; date: string; faxFrom: string },
): ScannedPage {
  const degradation = drawDegradation(random.fork("degradation"));
  const rotationDegrees = Math.round(Math.max(-2.5, Math.min(2.5, random.normal(0, 0.9))) * 100) / 100;
  const surface = new CanvasSurface(SCAN_DPI, {
    rotationDegrees,
    offsetX: random.int(-15, 15),
    offsetY: random.int(-10, 20),
    scale: 0.97 + random.next() * 0.03,
  });
  draw(surface);
  if (degradation.mode === "fax") {
    const time = `${String(random.int(7, 17)).padStart(2, "0")}:${String(random.int(0, 59)).padStart(2, "0")}`;
    surface.overlayText(`${info.date} ${time}  FROM: ${info.faxFrom}    P. 001/001`, 40, 10, 18);
  }
  const { width, height } = surface.canvas;
  const gray = surface.grayPixels();
  degrade(gray, width, height, degradation, random.fork("pixels"));
  const png = encodeGrayPng(gray, width, height);
  return {
    png,
    pdf: imageOnlyPdf(png, info),
    scan: {
      dpi: SCAN_DPI,
      width,
      height,
      mode: degradation.mode,
      rotation_degrees: rotationDegrees,
      blur_radius: degradation.blurRadius,
      noise_sd: degradation.noiseSd,
    },
  };
}
