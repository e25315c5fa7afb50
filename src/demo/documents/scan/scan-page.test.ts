import { loadImage } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { Random } from "../../random.ts";
import type { Surface } from "../render/surface.ts";
import { scanPage } from "./scan-page.ts";

const draw = (surface: Surface) => {
  surface.text("PURCHASE ORDER 4500123", 40, 40, { font: "sans-bold", size: 20 });
  surface.rect(40, 80, 300, 100, { stroke: "#000000" });
};
const info = { title: "test", date: "2025-03-14", faxFrom: "216 555 0100" };

describe("scanPage", () => {
  it("gives a greyscale PNG of a letter page at 150 dpi, and an image-only PDF of it", async () => {
    const page = scanPage(draw, new Random(1), info);
    const image = await loadImage(page.png);
    expect([image.width, image.height]).toEqual([1275, 1650]);
    expect(page.png[25]).toBe(0); // PNG colour type: greyscale
    const pdf = page.pdf.toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    expect(pdf).toContain("/Subtype /Image");
    expect(pdf).not.toContain("/Font");
  });

  it("gives the same bytes for the same seed, and different ones for another", () => {
    const first = scanPage(draw, new Random(1), info);
    expect(scanPage(draw, new Random(1), info).png.equals(first.png)).toBe(true);
    expect(scanPage(draw, new Random(1), info).pdf.equals(first.pdf)).toBe(true);
    expect(scanPage(draw, new Random(2), info).png.equals(first.png)).toBe(false);
  });
});
