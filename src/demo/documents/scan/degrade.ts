import { mulberry32 } from "../../../platform/mulberry32.ts";
import type { Random } from "../../random.ts";

/** How a page suffers on its way through a scanner or a fax line. */
type Degradation = {
  mode: "scanner" | "fax";
  /** Box blur radius in pixels (0 for none). */
  blurRadius: number;
  /** Standard deviation of the sensor noise, in grey levels. */
  noiseSd: number;
  /** How much darker the far side of the page is than the near one (0–1): a lid not closed, a curled sheet. */
  shading: number;
  shadingAngle: number;
  /** How dark the ink comes out (1 is black). */
  ink: number;
  /** Specks of dust and toner. */
  specks: number;
};

/** Picks a plausible degradation: most pages from a scanner, some by fax. */
export function drawDegradation(random: Random): Degradation {
  const mode = random.chance(0.3) ? "fax" : "scanner";
  return {
    mode,
    blurRadius: mode === "fax" ? 1 : random.pick([0, 1, 1, 2]),
    noiseSd: Math.round((mode === "fax" ? random.next() * 8 + 8 : random.next() * 4 + 2) * 10) / 10,
    shading: Math.round(random.next() * (mode === "fax" ? 0.08 : 0.18) * 100) / 100,
    shadingAngle: Math.round(random.next() * 360),
    ink: mode === "fax" ? 1 : Math.round((0.75 + random.next() * 0.25) * 100) / 100,
    specks: random.int(20, mode === "fax" ? 600 : 200),
  };
}

/**
 * Degrades a grey page in place. Every step draws from `random`, so a seed gives the same pixels.
 * Levels are stretched at the end, as scanner software does, so clean paper comes out white.
 */
export function degrade(gray: Uint8Array, width: number, height: number, how: Degradation, random: Random): void {
  const page = Float32Array.from(gray, (value) => 255 - (255 - value) * how.ink);
  if (how.blurRadius > 0) boxBlur(page, width, height, how.blurRadius);

  const uniform = mulberry32(random.int(1, 2 ** 31 - 1));
  const angle = (how.shadingAngle * Math.PI) / 180;
  const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
  const span = Math.abs(dx) * width + Math.abs(dy) * height;
  const offset = (dx < 0 ? -dx * width : 0) + (dy < 0 ? -dy * height : 0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const index = y * width + x;
      const along = (x * dx + y * dy + offset) / span;
      // Approximately normal noise: the sum of four uniforms, centred and scaled to unit variance.
      const noise = (uniform() + uniform() + uniform() + uniform() - 2) * 1.732;
      page[index] = (page[index] as number) * (1 - how.shading * along) + noise * how.noiseSd;
    }
  }

  for (let speck = 0; speck < how.specks; speck++) {
    const cx = Math.floor(uniform() * width);
    const cy = Math.floor(uniform() * height);
    const radius = uniform() < 0.8 ? 1 : 2;
    for (let y = Math.max(0, cy - radius); y <= Math.min(height - 1, cy + radius); y++) {
      for (let x = Math.max(0, cx - radius); x <= Math.min(width - 1, cx + radius); x++)
        page[y * width + x] = 40 + uniform() * 60;
    }
  }

  if (how.mode === "fax") {
    faxLines(page, width, height);
    for (let index = 0; index < page.length; index++) gray[index] = (page[index] as number) < 190 ? 0 : 255;
    return;
  }
  const [black, white] = [24, 226];
  for (let index = 0; index < page.length; index++) {
    const value = (((page[index] as number) - black) * 255) / (white - black);
    // 64 grey levels: scanner software's default for documents, and a quarter of the noise to store.
    gray[index] = value <= 0 ? 0 : value >= 252 ? 255 : Math.round(value / 4) * 4;
  }
}

/** A fax's 98 lines per inch: each pair of scan lines is one line, repeated. */
function faxLines(page: Float32Array, width: number, height: number): void {
  for (let y = 0; y + 1 < height; y += 2) {
    for (let x = 0; x < width; x++) {
      const top = y * width + x;
      const mean = ((page[top] as number) + (page[top + width] as number)) / 2;
      page[top] = mean;
      page[top + width] = mean;
    }
  }
}

function boxBlur(page: Float32Array, width: number, height: number, radius: number): void {
  const copy = new Float32Array(page.length);
  const size = 2 * radius + 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += page[y * width + Math.min(width - 1, Math.max(0, x + k))] as number;
      copy[y * width + x] = sum / size;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += copy[Math.min(height - 1, Math.max(0, y + k)) * width + x] as number;
      page[y * width + x] = sum / size;
    }
  }
}
