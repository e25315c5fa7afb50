import { createCanvas, loadImage } from "@napi-rs/canvas";

/** A greyscale image, one byte a pixel (0 black, 255 white), rows top to bottom. */
export type GrayImage = { width: number; height: number; data: Uint8Array };

/**
 * Decodes a PNG or JPEG and draws it `scale` times its size, turned by `degrees` (clockwise) about its
 * middle, on white, as grey pixels (@napi-rs/canvas decodes and draws; smoothing on, so a fax's
 * doubled lines and a scan's pixels enlarge smoothly).
 */
export async function drawGray(bytes: Uint8Array, options: { scale?: number; degrees?: number } = {}): Promise<GrayImage> {
  const image = await loadImage(Buffer.from(bytes));
  const scale = options.scale ?? 1;
  const width = Math.round(image.width * scale);
  const height = Math.round(image.height * scale);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = "medium";
  context.translate(width / 2, height / 2);
  context.rotate(((options.degrees ?? 0) * Math.PI) / 180);
  context.scale(scale, scale);
  context.drawImage(image, -image.width / 2, -image.height / 2);
  return { width, height, data: grayOf(context.getImageData(0, 0, width, height).data) };
}

/**
 * The image drawn `scale` times its size, bilinearly (OCR reads small print better enlarged; this
 * is a tenth of the time a canvas takes, with no colour channels to fill and read back).
 */
export function enlarge(image: GrayImage, scale: number): GrayImage {
  if (scale === 1) return image;
  const width = Math.round(image.width * scale);
  const height = Math.round(image.height * scale);
  const data = new Uint8Array(width * height);
  const source = image.data;
  // Each output column's two source columns and the weight of the right one, in 1/256ths.
  const left = new Int32Array(width);
  const right = new Int32Array(width);
  const weight = new Int32Array(width);
  for (let x = 0; x < width; x++) {
    const at = Math.min(image.width - 1, Math.max(0, (x + 0.5) / scale - 0.5));
    left[x] = Math.floor(at);
    right[x] = Math.min(image.width - 1, Math.floor(at) + 1);
    weight[x] = Math.round((at - Math.floor(at)) * 256);
  }
  for (let y = 0; y < height; y++) {
    const at = Math.min(image.height - 1, Math.max(0, (y + 0.5) / scale - 0.5));
    const top = Math.floor(at) * image.width;
    const bottom = Math.min(image.height - 1, Math.floor(at) + 1) * image.width;
    const down = Math.round((at - Math.floor(at)) * 256);
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const w = weight[x] as number;
      const l = left[x] as number;
      const r = right[x] as number;
      const upper = (source[top + l] as number) * (256 - w) + (source[top + r] as number) * w;
      const lower = (source[bottom + l] as number) * (256 - w) + (source[bottom + r] as number) * w;
      data[row + x] = (upper * (256 - down) + lower * down) >> 16;
    }
  }
  return { width, height, data };
}

function grayOf(rgba: Uint8ClampedArray): Uint8Array {
  const data = new Uint8Array(rgba.length / 4);
  for (let pixel = 0, at = 0; pixel < data.length; pixel++, at += 4) {
    // Rec. 601 luma, in integers.
    data[pixel] = ((rgba[at] as number) * 77 + (rgba[at + 1] as number) * 150 + (rgba[at + 2] as number) * 29) >> 8;
  }
  return data;
}

/** The image as a binary PGM (P5): what tesseract reads fastest, with nothing to compress. */
export function toPgm(image: GrayImage): Buffer {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, "latin1");
  return Buffer.concat([header, Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength)]);
}
