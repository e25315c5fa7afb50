export { composeLayout } from "./text/compose-layout.ts";
export { chooseEngines, type Engines, popplerInstalled, tesseractInstalled } from "./text/engines.ts";
export type { Box, DocumentText, FoundWord, PageText, PageWord, TextEngine } from "./text/page-text.ts";
export { createTextReader, sniffType, type TextReader, type TextReaderOptions } from "./text/read-text.ts";
export { TextReadError, type TextReadReason } from "./text/text-read-error.ts";
