/** Small X12 interchanges written by hand for tests, in any separators a partner might use. */

const ISA_FIELDS = [
  "ISA",
  "00",
  "          ",
  "00",
  "          ",
  "ZZ",
  "SENDER         ",
  "ZZ",
  "RECEIVER       ",
  "260305",
  "1407",
  "U",
  "00401",
  "000000042",
  "0",
  "T",
];

/** One 850 with one line: GS … GE around ST … SE, counts and control numbers right. */
export const PURCHASE_ORDER_BODY = [
  "GS*PO*SENDER*RECEIVER*20260305*1407*42*X*004010",
  "ST*850*0001",
  "BEG*00*SA*PO-1**20260301",
  "PO1*1*10*EA*45*PE*VP*V-1",
  "SE*4*0001",
  "GE*1*42",
  "IEA*1*000000042",
];

export type SampleOptions = {
  element?: string;
  component?: string;
  segment?: string;
  /** What follows every terminator ("\n", "\r\n", "  "). */
  after?: string;
  /** ISA fields replaced (by index 1–15), e.g. to pad them differently. */
  isa?: Record<number, string>;
};

/**
 * An interchange: the ISA (106 characters unless `isa` changes a field's width), then `body`
 * written with "*" between elements and ">" between components, turned into the separators asked for.
 */
export function sample(body: readonly string[] = PURCHASE_ORDER_BODY, options: SampleOptions = {}): string {
  const { element = "*", component = ">", segment = "~", after = "" } = options;
  const fields = ISA_FIELDS.map((field, n) => options.isa?.[n] ?? field);
  const isa = fields.join(element) + element + component + segment + after;
  const rest = body.map(
    (line) =>
      line
        .split("*")
        .map((value) => value.split(">").join(component))
        .join(element) +
      segment +
      after,
  );
  return isa + rest.join("");
}
