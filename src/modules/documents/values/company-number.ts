import { luhnValid } from "../../governance/index.ts";

/** Company registers whose numbers are read: France's SIREN, the Dutch KvK, India's CIN, a German HRB, the UK's. */
export type CompanyRegister = "siren" | "kvk" | "cin" | "hrb" | "crn";

/**
 * Reads a company's registration number in a register: a SIREN ("530 848 134", or the first nine
 * digits of a SIRET "53084813400017", both checked by Luhn), a KvK number (8 digits), an Indian CIN
 * ("U63090DL2012PTC231770"), a German "HRB 13302", a UK company number ("01234567", "SC123456").
 * Null when the text is not one.
 */
export function readCompanyNumber(printed: string, register: CompanyRegister): string | null {
  const compact = printed.replace(/[\s.]+/g, "").toUpperCase();
  switch (register) {
    case "siren":
      if (/^\d{14}$/.test(compact) && luhnValid(compact)) return compact.slice(0, 9);
      return /^\d{9}$/.test(compact) && luhnValid(compact) ? compact : null;
    case "kvk":
      return /^\d{8}$/.test(compact) ? compact : null;
    case "cin":
      return /^[LU]\d{5}[A-Z]{2}\d{4}[A-Z]{3}\d{6}$/.test(compact) ? compact : null;
    case "hrb": {
      const match = /^(HR[AB])(\d{1,6}[A-Z]?)$/.exec(compact);
      return match ? `${match[1]} ${match[2]}` : null;
    }
    case "crn":
      return /^(\d{8}|(SC|NI|OC|SO|NC|R0)\d{6})$/.test(compact) ? compact : null;
  }
}
