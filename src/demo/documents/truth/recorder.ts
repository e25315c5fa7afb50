import { canonicalDecimal, type Micros } from "../decimal.ts";
import {
  type DateStyle,
  type Formats,
  formatAtLeast,
  formatDate,
  formatLocalTime,
  formatMoney,
  type MoneyStyle,
} from "./formats.ts";
import type { TruthLine, TruthValue } from "./truth.ts";

/**
 * Formats values the way a layout prints them and remembers, for the ground truth, both the text on
 * the page and the value it stands for. A layout prints only what it asked the recorder for, so the
 * truth cannot claim a field the document does not show.
 */
export class TruthRecorder {
  readonly fields: Record<string, TruthValue> = {};
  readonly printed: Record<string, string> = {};
  readonly lines: LineRecorder[] = [];

  constructor(readonly formats: Formats) {}

  /** A value printed as it is, e.g. a number, name or note. */
  text(key: string, value: string): string {
    return this.record(key, value, value);
  }

  date(key: string, iso: string, style: DateStyle = this.formats.date): string {
    return this.record(key, iso.slice(0, 10), formatDate(iso, style));
  }

  money(key: string, value: Micros, style: MoneyStyle = this.formats.money): string {
    return this.record(key, canonicalDecimal(value), formatMoney(value, style));
  }

  /** A unit price or rate: never rounded on paper, so at least `minPricePlaces` decimals and more when needed. */
  price(key: string, value: Micros, minPlaces = this.formats.minPricePlaces): string {
    return this.record(key, canonicalDecimal(value), formatAtLeast(value, minPlaces));
  }

  quantity(key: string, value: Micros, minPlaces = this.formats.minQuantityPlaces): string {
    return this.record(key, canonicalDecimal(value), formatAtLeast(value, minPlaces));
  }

  integer(key: string, value: number): string {
    return this.record(key, value, String(value));
  }

  flag(key: string, value: boolean, printed: string): string {
    return this.record(key, value, printed);
  }

  /** A moment printed to the minute in a local time zone; the truth keeps it in UTC. */
  localTime(key: string, iso: string, timeZone: string): string {
    const { printed, minuteUtc } = formatLocalTime(iso, timeZone);
    return this.record(key, minuteUtc, printed);
  }

  /** Any other pairing of a value and its printed form, e.g. X12 amounts with implied decimals. */
  record(key: string, value: TruthValue, printed: string): string {
    this.fields[key] = value;
    this.printed[key] = printed;
    return printed;
  }

  /** Starts recording the next line of the document. */
  line(refs: Record<string, string> = {}): LineRecorder {
    const line = new LineRecorder(this.formats, refs);
    this.lines.push(line);
    return line;
  }

  truthLines(): TruthLine[] {
    return this.lines.map((line) => ({ fields: line.fields, printed: line.printed, refs: line.refs }));
  }
}

export class LineRecorder extends TruthRecorder {
  constructor(
    formats: Formats,
    readonly refs: Record<string, string>,
  ) {
    super(formats);
  }
}
