import type { Box } from "../text/page-text.ts";

/** Where a value was read: its page, its place in that page's text, and its box on the page. */
export type Location = { page: number; start: number; end: number; box: Box };

/** A value read from a document: as printed, as Crossdock reads it, how sure, and where it stands. */
export type ExtractedValue = {
  /** Normalised: decimals as exact text ("1234.5"), dates as YYYY-MM-DD, other text as printed. */
  value: string;
  printed: string;
  /** 0–1. */
  confidence: number;
  location: Location;
};

export type ExtractedLine = { fields: Record<string, ExtractedValue> };
