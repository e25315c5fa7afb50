/** An interchange read back into segments: what a trading partner's translator would see. */
export type ParsedInterchange = { isa: string; segments: string[][] };

/**
 * Splits an X12 interchange into segments and elements, taking the separators from the ISA header
 * (element separator at offset 3, segment terminator at 105), and ignoring line breaks between segments.
 */
export function parseX12(text: string): ParsedInterchange {
  const elementSeparator = text.charAt(3);
  const terminator = text.charAt(105);
  const isa = text.slice(0, 106);
  const segments = text
    .split(terminator)
    .map((segment) => segment.replace(/^[\r\n]+/, ""))
    .filter((segment) => segment.length > 0)
    .map((segment) => segment.split(elementSeparator));
  return { isa, segments };
}
