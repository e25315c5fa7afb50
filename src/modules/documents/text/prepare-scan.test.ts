import { createRequire } from "node:module";
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cutBlank } from "./blank-rows.ts";
import { invertDarkBands } from "./dark-bands.ts";
import { drawGray, type GrayImage } from "./gray-image.ts";
import { normalizeContrast } from "./normalize-contrast.ts";
import { prepareScan } from "./prepare-scan.ts";
import { createTextReader, type TextReader } from "./read-text.ts";
import { removeSpecks } from "./specks.ts";
import { removeRules } from "./table-rules.ts";

const FONT = "Prepare Scan Test Sans";

/** A 150 dpi letter page (1275 × 1650) drawn by `draw`, turned `degrees` clockwise, as a PNG. */
function page(draw: (context: ReturnType<ReturnType<typeof createCanvas>["getContext"]>) => void, degrees = 0): Buffer {
  const canvas = createCanvas(1275, 1650);
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, 1275, 1650);
  context.translate(637.5, 825);
  context.rotate((degrees * Math.PI) / 180);
  context.translate(-637.5, -825);
  context.textBaseline = "alphabetic";
  draw(context);
  return canvas.encodeSync("png");
}

const at = (image: GrayImage, x: number, y: number) => image.data[y * image.width + x] as number;

beforeAll(() => {
  const require = createRequire(import.meta.url);
  GlobalFonts.registerFromPath(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf"), FONT);
  GlobalFonts.registerFromPath(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf"), FONT);
});

describe("preparing a scan for OCR", () => {
  it("turns a dark band's white print dark on light, and leaves the paper and its print alone", async () => {
    const png = page((context) => {
      context.fillStyle = "#333333";
      context.fillRect(60, 400, 1150, 30);
      context.fillStyle = "#ffffff";
      context.font = `bold 16px "${FONT}"`;
      context.fillText("Description", 80, 421);
      context.fillStyle = "#000000";
      context.fillText("Nylon insert lock nut", 80, 470);
    });
    const image = await drawGray(png);
    expect(at(image, 600, 415)).toBeLessThan(80); // the band, before
    expect(invertDarkBands(image)).toBeGreaterThan(0);
    expect(at(image, 600, 415)).toBeGreaterThan(200); // the band's own dark is now paper
    expect(at(image, 600, 600)).toBe(255); // paper stays paper
    const dark = (x0: number, y0: number, x1: number, y1: number) => {
      let count = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (at(image, x, y) < 128) count += 1;
      return count;
    };
    expect(dark(80, 405, 180, 425)).toBeGreaterThan(100); // the band's white letters, now dark
    expect(dark(80, 455, 240, 475)).toBeGreaterThan(100); // print on paper, still dark
  });

  it("stretches faint print to full contrast beside dark print", async () => {
    const image = await drawGray(
      page((context) => {
        context.font = `16px "${FONT}"`;
        context.fillStyle = "#c8c8c8";
        context.fillText("faint print", 100, 300);
        context.fillStyle = "#000000";
        context.fillText("dark print", 100, 340);
      }),
    );
    const darkest = (y0: number, y1: number) => {
      let level = 255;
      for (let y = y0; y < y1; y++) for (let x = 100; x < 200; x++) level = Math.min(level, at(image, x, y));
      return level;
    };
    expect(darkest(285, 302)).toBeGreaterThan(150);
    normalizeContrast(image);
    expect(darkest(285, 302)).toBeLessThan(60);
    expect(at(image, 600, 800)).toBe(255);
  });

  it("whitens a table's rules but not the figures in its cells", async () => {
    const image = await drawGray(
      page((context) => {
        context.strokeStyle = "#000000";
        context.lineWidth = 2;
        for (const y of [300, 340, 380]) context.strokeRect(100, y, 600, 40);
        for (const x of [250, 400, 550]) context.strokeRect(x, 300, 0.5, 120);
        context.font = `bold 18px "${FONT}"`;
        context.fillStyle = "#000000";
        context.fillText("2,622.69", 580, 328);
      }),
    );
    expect(at(image, 160, 300)).toBeLessThan(100);
    removeRules(image, 40, 4);
    for (const [x, y] of [
      [160, 300],
      [160, 340],
      [100, 360],
      [250, 310],
    ] as const)
      expect(at(image, x, y), `rule at ${x},${y}`).toBe(255);
    let ink = 0;
    for (let y = 312; y < 330; y++) for (let x = 580; x < 660; x++) if (at(image, x, y) < 128) ink += 1;
    expect(ink).toBeGreaterThan(150);
  });

  it("whitens lone specks but keeps a decimal point beside its digits", async () => {
    const image = await drawGray(
      page((context) => {
        context.font = `18px "${FONT}"`;
        context.fillStyle = "#000000";
        context.fillText("4.92", 300, 300);
        context.fillRect(600, 600, 3, 3);
        context.fillRect(800, 290, 4, 4);
      }),
    );
    expect(removeSpecks(image, 6, 8)).toBe(2);
    expect([at(image, 601, 601), at(image, 801, 291)]).toEqual([255, 255]);
    let ink = 0;
    // The point of 4.92 stands between its digits, at the baseline.
    for (let y = 294; y < 301; y++) for (let x = 310; x < 318; x++) if (at(image, x, y) < 128) ink += 1;
    expect(ink).toBeGreaterThan(1);
  });

  it("cuts out blank stretches and margins, and puts what is found on the cut page back in its place", () => {
    const width = 200;
    const data = new Uint8Array(width * 600).fill(255);
    const ink = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y < y1; y++) data.fill(0, y * width + x0, y * width + x1);
    };
    ink(50, 40, 120, 50); // a line of print near the top
    ink(60, 500, 90, 510); // "Page 1 of 1" near the bottom
    const cut = cutBlank({ width, height: 600, data }, 60, 30);
    expect(cut.image.width).toBe(120 - 50 + 30 * 2);
    expect(cut.image.height).toBeLessThan(150);
    // The bottom print's rows on the cut image, found and placed back where they are on the page.
    let top = -1;
    for (let y = 60; y < cut.image.height && top < 0; y++) if (cut.image.data[y * cut.image.width + 40] === 0) top = y;
    expect(cut.place({ x0: 10, y0: top, x1: 40, y1: top + 10 })).toEqual({ x0: 30, y0: 500, x1: 60, y1: 510 });
  });

  it("levels a tilted page and enlarges it to about 300 dpi", async () => {
    const png = page((context) => {
      context.font = `16px "${FONT}"`;
      context.fillStyle = "#000000";
      for (let row = 0; row < 20; row++)
        context.fillText("HIS-FAS-10063   Flat washer 1/2 SAE, zinc      34   BX   4.92", 100, 300 + 30 * row);
    }, 1.5);
    const prepared = await prepareScan(png);
    expect(prepared?.skew).toBeCloseTo(1.5, 0);
    expect(prepared?.scale).toBe(2);
    // Twice its size, less the blank margins and stretches cut out.
    expect(prepared?.image.width).toBeLessThan(2550);
    expect(prepared?.image.width).toBeGreaterThan(900);
    expect(prepared?.place({ x0: 200, y0: 600, x1: 300, y1: 640 }).x0).toBeGreaterThan(100);
  });
});

describe("OCR of prepared scans (tesseract.js, which every machine has)", () => {
  let reader: TextReader;
  beforeAll(() => {
    reader = createTextReader({ engines: { pdf: "pdfjs", ocr: "tesseract.js" } });
  });
  afterAll(() => reader?.close());

  it("reads the white print of a dark header band, and the boxed figures of a ruled table, on a tilted page", async () => {
    const png = page((context) => {
      context.fillStyle = "#2a2a2a";
      context.fillRect(60, 300, 1150, 34);
      context.font = `bold 15px "${FONT}"`;
      context.fillStyle = "#ffffff";
      const header: [string, number][] = [
        ["Item", 80],
        ["Description", 260],
        ["Quantity", 760],
        ["Price", 960],
        ["Amount", 1110],
      ];
      for (const [text, x] of header) context.fillText(text, x, 323);
      context.strokeStyle = "#000000";
      context.lineWidth = 2;
      context.font = `15px "${FONT}"`;
      context.fillStyle = "#000000";
      const rows = [
        ["HIS-FAS-10063", "Flat washer 1/2 SAE, zinc", "34", "4.92", "167.28"],
        ["HIS-ELE-10140", "Twist-on wire connector", "18", "14.72", "264.96"],
      ];
      for (const [index, row] of rows.entries()) {
        const y = 334 + 34 * index;
        context.strokeRect(60, y, 1150, 34);
        for (const x of [240, 740, 900, 1060]) context.strokeRect(x, y, 0.5, 34);
        const [item, description, quantity, price, amount] = row as [string, string, string, string, string];
        context.fillText(item, 80, y + 23);
        context.fillText(description, 260, y + 23);
        context.fillText(quantity, 820, y + 23);
        context.fillText(price, 990, y + 23);
        context.fillText(amount, 1140, y + 23);
      }
    }, -1.2);
    const { pages } = await reader.read(png);
    const text = pages[0]?.text ?? "";
    for (const word of ["Description", "Quantity", "Amount", "HIS-FAS-10063", "167.28", "14.72", "264.96"])
      expect(text).toContain(word);
    expect(pages[0]?.skew).toBeCloseTo(-1.2, 0);
    // Levelled, a row's cells share one line of the text.
    expect(text.split("\n").some((line) => line.includes("HIS-ELE-10140") && line.includes("264.96"))).toBe(true);
  });
});
