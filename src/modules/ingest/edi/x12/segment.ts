/**
 * One X12 segment as read. `elements[0]` is the segment id, so `elements[n]` is the element X12
 * calls `<id>0n`: for `N1*ST*Main plant*92*DC1`, `elements[2]` is N102 "Main plant". Values are as
 * sent, untrimmed. An element that holds component or repetition separators keeps its raw text in
 * `elements` and is also split in `composites`: `composites[n]` is its repetitions, each a list of
 * components (`A:B^C:D` → `[["A","B"],["C","D"]]`). `composites` is absent when no element of the
 * segment is composite.
 */
export type X12Segment = {
  id: string;
  elements: string[];
  composites?: (string[][] | undefined)[];
  /** Its place among all segments of the input, from 0. */
  index: number;
  /** Its byte offset in the input (a byte-order mark counts). */
  offset: number;
};

export type X12Separators = {
  element: string;
  /** ISA16; "" when the interchange did not give one. */
  component: string;
  /** ISA11 from version 00402 on; "" when none. */
  repetition: string;
  segment: string;
  /** Segments end at a line break; spaces before it are padding, not data. */
  lineTerminated: boolean;
  /**
   * A line break follows each terminator ("~\n"). When reading, a line break inside a segment then
   * means a terminator was left out (the segment ends there); otherwise the file was wrapped at a
   * fixed width and line breaks are removed.
   */
  lineBreaks: boolean;
};

/** Element `n` of a segment, trimmed; "" when the segment is shorter. */
export function element(segment: X12Segment, n: number): string {
  const value = segment.elements[n];
  return value === undefined ? "" : value.trim();
}

/** The components of element `n` (its first repetition); a plain element is one component. */
export function components(segment: X12Segment, n: number): string[] {
  const composite = segment.composites?.[n];
  if (composite?.[0]) return composite[0];
  const value = segment.elements[n];
  return value === undefined ? [] : [value];
}

/** Where a segment is, for a diagnostic. */
export const positionOf = (segment: X12Segment) => ({ id: segment.id, index: segment.index, offset: segment.offset });
