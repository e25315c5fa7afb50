import { describe, expect, it } from "vitest";
import { textOf } from "../testing/text-of.ts";
import { legalName, sameCompany } from "./legal-name.ts";

/** A page whose last lines are `footer`, under 40 empty lines (a legal footer is in a page's lower half). */
const footerOf = (footer: string[]) => legalName(textOf(["FACTURE", ...Array.from({ length: 40 }, () => ""), ...footer]).pages);
const nameOf = (footer: string[]) =>
  footerOf(footer)
    ?.words.map((word) => word.text)
    .join(" ") ?? null;

describe("legalName", () => {
  it("reads the company with its legal form on a line of registered office, capital or register", () => {
    expect(nameOf(["Free SAS au capital de 3.441.812 Euros − B 421 938 861 RCS Paris − Siège social: 8 rue de la Ville"])).toBe(
      "Free SAS",
    );
    expect(nameOf(["QualityHosting AG        Vorstand: Christian Heit (Vorsitz)"])).toBe("QualityHosting AG");
    expect(nameOf(["All AWS Services are sold by Amazon Web Services, Inc."])).toBe("Amazon Web Services, Inc.");
  });

  it("else the name alone on the line above", () => {
    expect(nameOf(["          NETPRESSE", "Siège social : 16 rue Mollien - 92100 BOULOGNE"])).toBe("NETPRESSE");
    expect(nameOf(["Oravel Stays Private Limited", "Registered Office: Delhi Rectangle Regus, Level 4"])).toBe(
      "Oravel Stays Private Limited",
    );
  });

  it("reads none from a footer that says nothing of a company, nor from the top half of a page", () => {
    expect(nameOf(["Past due balances are subject to a service charge of 1.5% per month."])).toBeNull();
    expect(legalName(textOf(["Coolblue B.V.", "KvK Rotterdam 24330087"]).pages)).toBeNull();
  });

  it("knows one company by names with and without their legal form", () => {
    expect(sameCompany("Amazon Web Services, Inc.", "Amazon Web Services")).toBe(true);
    expect(sameCompany("Coolblue B.V.", "COOLBLUE BV")).toBe(true);
    expect(sameCompany("Free SAS", "Free Service Abonné")).toBe(false);
  });
});
