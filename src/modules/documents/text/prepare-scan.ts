import { cutBlank } from "./blank-rows.ts";
import { invertDarkBands } from "./dark-bands.ts";
import { drawGray, enlarge, type GrayImage } from "./gray-image.ts";
import { normalizeContrast } from "./normalize-contrast.ts";
import type { Box } from "./page-text.ts";
import { skewOf } from "./skew.ts";
import { removeSpecks } from "./specks.ts";
import { removeRules } from "./table-rules.ts";

/**
 * A scan made ready for OCR: the image to read, and `place`, which takes a box found on it back to
 * the page (in the page's pixels, on the page levelled by `skew` degrees).
 */
export type PreparedScan = { image: GrayImage; scale: number; skew: number; place: (box: Box) => Box };

/** The resolution OCR is given: tesseract reads best with capital letters 20–30 pixels tall. */
const OCR_DPI = 300;

/**
 * Makes a scanned page easier to OCR, each step in a file of its own: levels it (turned back by
 * its skew, so a table's rows run straight across), turns dark bands' white print dark, stretches
 * faint print to full contrast, whitens table rules and lone specks, cuts out its blank margins and
 * stretches (OCR's time goes with its pixels), and enlarges it to about 300 dpi. The page's
 * resolution is taken from its width (a letter or A4 sheet is 8.3–8.5 inches wide); the steps'
 * sizes are scaled from 150 dpi. Null when the image cannot be decoded here (a TIFF): OCR it as it is.
 */
export async function prepareScan(bytes: Uint8Array): Promise<PreparedScan | null> {
  let page: GrayImage;
  let skew: number;
  try {
    const asIs = await drawGray(bytes);
    skew = skewOf(asIs);
    page = await drawGray(bytes, { degrees: -skew });
  } catch {
    return null;
  }
  const dpi = Math.min(600, Math.max(72, page.width / 8.5));
  const unit = dpi / 150;
  invertDarkBands(page, unit);
  normalizeContrast(page, unit);
  removeRules(page, Math.round(40 * unit), Math.max(2, Math.round(4 * unit)));
  removeSpecks(page, Math.max(3, Math.round(6 * unit)), Math.max(3, Math.round(8 * unit)));
  const cut = cutBlank(page, Math.round(60 * unit), Math.round(30 * unit));
  const scale = Math.min(2, Math.max(1, Math.round((OCR_DPI / dpi) * 4) / 4));
  const place = (box: Box) => cut.place({ x0: box.x0 / scale, y0: box.y0 / scale, x1: box.x1 / scale, y1: box.y1 / scale });
  return { image: enlarge(cut.image, scale), scale, skew, place };
}
