import type { X12Separators } from "../segment.ts";

/**
 * The separators of an answer (a 997, a TA1) to a received interchange: the sender's own where each
 * is a single byte, so the partner reads what it writes. A separator of several bytes (a terminator
 * such as "…", three bytes in UTF-8) gives way to the standard one, since an ISA is read by byte
 * position (its terminator is its 106th byte); "~" ends segments where the sender ended them with
 * line breaks alone. A component or repetition separator the sender did not give is one
 * the answer's other separators do not use.
 */
export function replySeparators(received: X12Separators): Omit<X12Separators, "lineTerminated"> {
  // The reader keeps separators as bytes (one latin1 character each).
  const single = (value: string, standard: string) => (value.length <= 1 ? value : standard);
  const element = single(received.element, "*");
  const component = single(received.component, ">");
  const repetition = single(received.repetition, "^");
  const segment = received.lineTerminated ? "~" : single(received.segment, "~");
  const unused = (...candidates: string[]) =>
    candidates.find((candidate) => ![element, component, repetition, segment].includes(candidate)) ?? "";
  return {
    element,
    component: component || unused(">", ":", "\\"),
    repetition: repetition || unused("^", "{", "|"),
    segment,
    lineBreaks: received.lineBreaks || received.lineTerminated,
  };
}
