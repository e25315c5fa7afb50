import type { Random } from "../../random.ts";
import type { DemoCompany } from "../../world.ts";
import type { PartnerId } from "./x12-writer.ts";

/** How a trading partner sends its EDI: its interchange id, and whether it breaks lines after segments. */
type EdiPartner = { id: PartnerId; newlines: boolean };

/**
 * A partner's interchange id, stable for the partner: a DUNS number, a phone number, or a code of
 * its own (usually its name or account, upper-cased), as partners choose them in practice.
 */
export function ediPartner(random: Random, code: string): EdiPartner {
  const choice = random.weighted(["01", "12", "ZZ"] as const, [5, 2, 3]);
  const newlines = random.chance(0.35);
  if (choice === "01") return { id: { qualifier: "01", id: String(random.int(100_000_000, 999_999_999)) }, newlines };
  if (choice === "12") return { id: { qualifier: "12", id: `${random.int(201, 989)}555${random.int(1000, 9999)}` }, newlines };
  const own = code
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .slice(0, 15);
  return { id: { qualifier: "ZZ", id: own || String(random.int(100_000, 999_999)) }, newlines };
}

export function companyPartner(company: DemoCompany): EdiPartner {
  return { id: { qualifier: "ZZ", id: company.ediId }, newlines: false };
}
