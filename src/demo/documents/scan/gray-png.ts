import { crc32, deflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/**
 * An 8-bit greyscale PNG, as document scanners save pages. Canvas encoders write RGBA, four times
 * the data for a grey page; this also lets pdfkit embed the PNG's compressed data as it is.
 */
export function encodeGrayPng(pixels: Uint8Array, width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: greyscale
  // bytes 10-12: deflate compression, adaptive filtering, no interlace (all zero)
  const stride = width + 1;
  const filtered = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const out = y * stride;
    filtered[out] = 2; // "Up": the difference from the row above, small on paper
    for (let x = 0; x < width; x++) {
      const above = y > 0 ? (pixels[row - width + x] as number) : 0;
      filtered[out + 1 + x] = ((pixels[row + x] as number) - above) & 0xff;
    }
  }
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(filtered, { level: 6 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
