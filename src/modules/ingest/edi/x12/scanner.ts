import { isAlphanumeric, isBlank, isFiller, isSegmentId } from "../chars.ts";
import { type DiagnosticLog, type EdiPosition, quote } from "../diagnostics.ts";
import { decodeValue } from "../input.ts";
import { detectIsa } from "./detect-isa.ts";
import type { X12Segment, X12Separators } from "./segment.ts";

/** How far into the input an ISA may start after junk (a mail header, a banner line). */
const JUNK_REACH = 4096;
/** A segment longer than this is not a segment: the terminator is wrong or the input is not X12. */
const MAX_SEGMENT = 1 << 20;
const HIGH_BYTES = /[\x80-\xff]/g;
const LINE_BREAKS = /[\r\n]+/g;
const UNKNOWN = -1;

/** The next index of `needle` at or after `from`, reusing `cached` while it is still ahead. */
function ahead(cached: number, text: string, needle: string, from: number): number {
  if (cached >= from) return cached;
  const found = text.indexOf(needle, from);
  return found === -1 ? Number.POSITIVE_INFINITY : found;
}

/**
 * Splits X12 text into segments, one `next()` at a time, taking the separators from each ISA it
 * meets (an input may hold several interchanges, each with its own). It works on a string of one
 * character per byte and allocates per segment only the segment's strings: a terminator is found
 * with `indexOf`, the elements with one `split`. Whitespace between segments is skipped; a line
 * break inside a segment (a file wrapped at 80 columns) is removed, with a warning.
 *
 * Text may arrive in pieces (`append`), for files read as a stream: `next()` returns null when it
 * needs more, and `finish()` says no more will come.
 */
export class X12Scanner {
  private text: string;
  private pos = 0;
  private base: number;
  private final: boolean;
  private highBytes: boolean;
  private mode: "start" | "segments" | "skip" = "start";
  private current: X12Separators | null = null;
  private index = 0;
  private nextElement = UNKNOWN;
  private nextComponent = UNKNOWN;
  private nextRepetition = UNKNOWN;
  private nextLineBreak = UNKNOWN;
  private nextHigh = UNKNOWN;
  private warnedLineBreaks = false;
  private lastId = "";
  private lastIndex = 0;
  private lastOffset = 0;

  constructor(
    private readonly log: DiagnosticLog,
    input: { text: string; base: number; highBytes: boolean; final: boolean },
  ) {
    this.text = input.text;
    this.base = input.base;
    this.highBytes = input.highBytes;
    this.final = input.final;
  }

  /** More text, continuing the text given so far. */
  append(text: string, highBytes: boolean): void {
    this.base += this.pos;
    this.text = this.pos < this.text.length ? this.text.slice(this.pos) + text : text;
    this.pos = 0;
    this.highBytes ||= highBytes;
    this.nextElement = this.nextComponent = this.nextRepetition = this.nextLineBreak = this.nextHigh = UNKNOWN;
  }

  /** Bytes before the text that are not part of it (a byte-order mark), for offsets. */
  skipBytes(count: number): void {
    this.base += count;
  }

  finish(): void {
    this.final = true;
  }

  /** Segments read so far. */
  get count(): number {
    return this.index;
  }

  /** The separators of the interchange being read. */
  get separators(): X12Separators | null {
    return this.current;
  }

  /** Where the last segment read was (or the start), for diagnostics about the end of the input. */
  get lastPosition(): EdiPosition {
    return { id: this.lastId, index: this.lastIndex, offset: this.lastOffset };
  }

  /** Where reading stands now, for a diagnostic about something not yet a segment. */
  private here(id: string): EdiPosition {
    return { id, index: this.index, offset: this.base + this.pos };
  }

  /** The next segment; null when the input is used up, or (before `finish()`) when more text is needed. */
  next(): X12Segment | null {
    for (;;) {
      const { text } = this;
      let pos = this.pos;
      while (pos < text.length && isFiller(text.charCodeAt(pos))) pos++;
      this.pos = pos;
      if (pos >= text.length) return null;
      if (this.mode !== "segments" || text.charCodeAt(pos) === 73 /* I */) {
        const isa = this.isaAt(pos);
        if (isa === "more") return null;
        if (isa === "isa") {
          const segment = this.readIsa();
          if (segment === "more") return null;
          if (segment) return segment;
          continue;
        }
        if (this.mode === "start") {
          if (!this.findFirstIsa()) return null;
          continue;
        }
        if (this.mode === "skip") {
          if (!this.skipToIsa()) return null;
          continue;
        }
      }
      const segment = this.readSegment();
      if (segment !== "again") return segment;
    }
  }

  /** Whether an ISA starts at `pos` ("ISA" and a separator), or more text is needed to tell. */
  private isaAt(pos: number): "isa" | "no" | "more" {
    const { text } = this;
    if (pos + 3 >= text.length) {
      return !this.final && "ISA".startsWith(text.slice(pos, pos + 3)) ? "more" : "no";
    }
    if (text.charCodeAt(pos) !== 73 || text.charCodeAt(pos + 1) !== 83 || text.charCodeAt(pos + 2) !== 65) return "no";
    const code = text.charCodeAt(pos + 3);
    return isAlphanumeric(code) || isBlank(code) ? "no" : "isa";
  }

  /** Reads the ISA at `pos` and takes its separators; on a broken ISA, reports it and skips to the next one. */
  private readIsa(): X12Segment | null | "more" {
    const detection = detectIsa(this.text, this.pos, this.final);
    if (detection.kind === "more") return "more";
    const position = this.here("ISA");
    if (detection.kind === "error") {
      this.log.add("error", detection.code, position, `${detection.message}; skipped to the next ISA`);
      this.mode = "skip";
      this.pos += 3;
      return null;
    }
    for (const note of detection.notes) this.log.add("warning", note.code, position, note.message);
    this.current = detection.separators;
    this.mode = "segments";
    this.pos = detection.end;
    this.nextElement = this.nextComponent = this.nextRepetition = this.nextLineBreak = this.nextHigh = UNKNOWN;
    this.index += 1;
    this.lastId = "ISA";
    this.lastIndex = position.index;
    this.lastOffset = position.offset;
    return { id: "ISA", elements: detection.elements, composites: undefined, index: position.index, offset: position.offset };
  }

  /** Before any ISA: tolerates junk before the first one, or rejects input that has none. */
  private findFirstIsa(): boolean {
    const { text, pos } = this;
    const window = text.slice(pos, pos + JUNK_REACH);
    for (let found = window.indexOf("ISA"); found !== -1; found = window.indexOf("ISA", found + 1)) {
      if (this.isaAt(pos + found) === "isa") {
        this.log.add("warning", "junk_before_header", this.here(""), `${found} bytes before the ISA header were skipped`);
        this.pos = pos + found;
        this.mode = "skip";
        return true;
      }
    }
    if (!this.final && text.length - pos < JUNK_REACH) return false;
    const first = /^[^\s]{0,3}/.exec(window)?.[0] ?? "";
    this.log.add(
      "error",
      "not_edi",
      this.here(first),
      `no X12 interchange: the input starts with ${quote(window.slice(0, 24))}, not an ISA header`,
    );
    this.mode = "skip";
    this.pos = this.final ? text.length : Math.max(pos, text.length - 3);
    return !this.final;
  }

  /** After a broken ISA or junk: moves to the next "ISA", or uses up the input. */
  private skipToIsa(): boolean {
    const { text } = this;
    for (let found = text.indexOf("ISA", this.pos); found !== -1; found = text.indexOf("ISA", found + 1)) {
      const isa = this.isaAt(found);
      if (isa !== "no") {
        this.pos = found;
        return isa === "isa";
      }
    }
    this.pos = this.final ? text.length : Math.max(this.pos, text.length - 3);
    return false;
  }

  private readSegment(): X12Segment | null | "again" {
    const separators = this.current as X12Separators;
    const { text, pos } = this;
    let terminator = text.indexOf(separators.segment, pos);
    let after: number;
    if ((terminator === -1 ? text.length : terminator) - pos > MAX_SEGMENT) return this.tooLong();
    if (terminator === -1) {
      if (!this.final) return null;
      terminator = after = text.length;
    } else {
      after = terminator + separators.segment.length;
    }
    let atLineBreak = separators.lineTerminated;
    if (!atLineBreak) {
      this.nextLineBreak = ahead(this.nextLineBreak, text, "\n", pos);
      if (this.nextLineBreak < terminator && separators.lineBreaks) {
        // "N1*BY*RETAILER\r\n  N3*…~" in a file with a line per segment: the terminator was left out.
        terminator = this.nextLineBreak;
        after = terminator + 1;
        atLineBreak = true;
      }
    }
    let end = terminator;
    // Before a line break, spaces and a carriage return are padding.
    if (atLineBreak) while (end > pos && isBlank(text.charCodeAt(end - 1))) end--;
    const offset = this.base + pos;
    const wrapped = !separators.lineTerminated && !separators.lineBreaks && this.nextLineBreak < end;
    const elements = wrapped
      ? this.joinLines(text.slice(pos, end), offset).split(separators.element)
      : this.split(pos, end, separators.element);
    if (this.highBytes) this.decode(elements, pos, end);
    const id = elements[0] as string;
    const index = this.index;
    const segment: X12Segment = { id, elements, composites: this.composites(elements, pos, end), index, offset };
    this.index = index + 1;
    this.pos = after;
    this.lastId = id;
    this.lastIndex = index;
    this.lastOffset = offset;
    if (!isSegmentId(id)) {
      this.log.add(
        "error",
        "segment_id_invalid",
        { id: id.slice(0, 8), index, offset },
        `${quote(id)} is not a segment id (2 or 3 upper-case letters or digits)`,
      );
    }
    if (atLineBreak && !separators.lineTerminated) {
      this.log.add(
        "warning",
        "segment_unterminated",
        { id, index, offset },
        `the segment ends at a line break without the terminator ${JSON.stringify(separators.segment)}`,
      );
    } else if (after === text.length && terminator === text.length && !separators.lineTerminated) {
      this.log.add(
        "warning",
        "segment_unterminated",
        { id, index, offset },
        `the last segment has no terminator ${JSON.stringify(separators.segment)}`,
      );
    }
    return segment;
  }

  /**
   * The elements of text[pos, end): one `indexOf` per separator and one `slice` per element, with
   * no string for the whole segment. The next separator found past `end` is kept for the next
   * segment, so a file that rarely uses the separator is still scanned once, not once a segment.
   */
  private split(pos: number, end: number, separator: string): string[] {
    const { text } = this;
    const elements: string[] = [];
    let start = pos;
    let next = this.nextElement >= start ? this.nextElement : text.indexOf(separator, start);
    if (next === -1) next = Number.POSITIVE_INFINITY;
    while (next < end) {
      elements.push(text.slice(start, next));
      start = next + separator.length;
      next = text.indexOf(separator, start);
      if (next === -1) next = Number.POSITIVE_INFINITY;
    }
    elements.push(text.slice(start, end));
    this.nextElement = next;
    return elements;
  }

  private tooLong(): "again" {
    this.log.add(
      "error",
      "segment_too_long",
      this.here(this.text.slice(this.pos, this.pos + 3)),
      `no segment terminator ${JSON.stringify(this.current?.segment)} within ${MAX_SEGMENT} bytes; skipped to the next ISA`,
    );
    this.mode = "skip";
    this.pos += 1;
    return "again";
  }

  private joinLines(raw: string, offset: number): string {
    if (!this.warnedLineBreaks) {
      this.warnedLineBreaks = true;
      this.log.add(
        "warning",
        "segment_line_breaks",
        { id: raw.slice(0, 3), index: this.index, offset },
        "line breaks inside segments were removed (a wrapped file)",
      );
    }
    return raw.replace(LINE_BREAKS, "");
  }

  /** Decodes elements that hold bytes above 0x7F (UTF-8, else ISO-8859-1). */
  private decode(elements: string[], pos: number, end: number): void {
    if (this.nextHigh < pos) {
      HIGH_BYTES.lastIndex = pos;
      const match = HIGH_BYTES.exec(this.text);
      this.nextHigh = match ? match.index : Number.POSITIVE_INFINITY;
    }
    if (this.nextHigh >= end) return;
    for (let n = 0; n < elements.length; n++) elements[n] = decodeValue(elements[n] as string);
  }

  /** Splits the elements that hold component or repetition separators, when the segment holds any. */
  private composites(elements: string[], pos: number, end: number): (string[][] | undefined)[] | undefined {
    const { component, repetition } = this.current as X12Separators;
    let found = false;
    if (component) {
      this.nextComponent = ahead(this.nextComponent, this.text, component, pos);
      found = this.nextComponent < end;
    }
    if (repetition && !found) {
      this.nextRepetition = ahead(this.nextRepetition, this.text, repetition, pos);
      found = this.nextRepetition < end;
    }
    if (!found) return undefined;
    const composites: (string[][] | undefined)[] = [];
    for (let n = 1; n < elements.length; n++) {
      const value = elements[n] as string;
      if ((component && value.includes(component)) || (repetition && value.includes(repetition))) {
        const repetitions = repetition ? value.split(repetition) : [value];
        composites[n] = repetitions.map((one) => (component ? one.split(component) : [one]));
      }
    }
    return composites;
  }
}
