import { describe, expect, it } from "vitest";
import { textOf } from "../testing/text-of.ts";
import { servicePeriod } from "./service-period.ts";

const period = (lines: string[]) =>
  Object.fromEntries(Object.entries(servicePeriod(textOf(lines).pages, { order: "day-first" })).map(([k, v]) => [k, v.value]));

describe("servicePeriod", () => {
  it("reads a span of two dates after 'du', 'from' or a period word, anywhere on the page", () => {
    expect(period(["Free Haut Débit du 1er au 31 Juillet 2015        29.99"])).toEqual({
      service_start: "2015-07-01",
      service_end: "2015-07-31",
    });
    expect(period(["This invoice is for the billing period July 1 - July 31 , 2014"])).toEqual({
      service_start: "2014-07-01",
      service_end: "2014-07-31",
    });
  });

  it("reads no period from one date after 'du', nor from two dates with nothing saying they are a period", () => {
    expect(period(["Facture n°562044387 du 02 Juillet 2015"])).toEqual({});
    expect(period(["Dienst: OUDJQ_office", "01.05.14-31.05.14"])).toEqual({});
  });
});
