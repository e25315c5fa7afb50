import type { Detection } from "./personal-data.ts";

/**
 * Postal addresses, line by line: a street line (US/UK "1200 Harbor Blvd, Suite 4", German and Dutch
 * "Hauptstraße 12" / "Kerkstraat 45" / Nordic "Storgatan 12", French "12 rue de la Paix", Italian/Spanish "Via Roma 15"),
 * a PO box, a US "City, ST 12345" line, and a European postcode + town line when it directly
 * follows a street line. A postcode or town on its own is not masked.
 */
const STREET_TYPE =
  "(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Lane|Ln|Dr|Drive|Way|Ct|Court|Pl|Place|Pkwy|Parkway|Hwy|Highway|Cir|Circle|Ter|Terrace|Trl|Trail|Sq|Square|Row|Pike|Loop|Close|Crescent|Walk)";
const UNIT = String.raw`(?:,?[ \t]+(?:Suite|Ste\.?|Unit|Apt\.?|Bldg\.?|Building|Floor|Fl\.?|(?:Loading[ \t]+)?Dock|Door|#)[ \t]*#?[\p{L}\d-]+)?`;
const DIRECTION = String.raw`(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?`;
const ENGLISH = new RegExp(
  String.raw`(?<![\p{L}\d.,/-])\d{1,6}[A-Z]?(?:-\d{1,5})?[ \t]+(?:${DIRECTION}[ \t]+)?(?:[\p{Lu}\d][\p{L}\d'’.-]*[ \t]+){1,5}${STREET_TYPE}\.?(?![\p{L}\d])(?:[ \t]+(?:NE|NW|SE|SW|N|S|E|W)\.?(?![\p{L}\d]))?${UNIT}`,
  "gu",
);

const PREP = "(?:Am|An der|An den|Auf der|Auf dem|Im|In der|Zum|Zur|Alte|Alter|Neue|Neuer|Große|Oude|Nieuwe|Grote|Kleine)";
const HOUSE_NUMBER = String.raw`[ \t]+\d{1,4}(?:[ \t]?[a-zA-Z](?![\p{L}]))?(?:[-/]\d{1,4})?(?![\d\p{L}])`;
const COMPOUND = String.raw`\p{Lu}[\p{L}-]*?(?:straße|strasse|str\.|weg|allee|platz|gasse|straat|laan|gracht|plein|kade|dijk|singel|steeg|gatan|vägen|gade|vej|veien|katu|-Straße|-Strasse|-Str\.|-Weg|-Allee|-Platz)`;
const SEPARATE = String.raw`\p{Lu}[\p{L}-]*[ \t]+(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Damm|Ring|Straat|Laan|Gracht|Plein|Kade|Dijk|Singel)`;
const GERMANIC = new RegExp(String.raw`(?<![\p{L}\d-])(?:${PREP}[ \t]+)?(?:${SEPARATE}|${COMPOUND})${HOUSE_NUMBER}`, "gu");
const NOT_A_STREET = /^(?:Lager|Stell|Park|Arbeits|Sitz|Ein|Mehr|Um|Aus|Zu)(?:platz|weg)/u;

const ROMANCE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:Via|Viale|Piazza|Corso|Calle|Avenida|Avda\.|Paseo|Plaza|Rua|Carrer)[ \t]+(?:(?:de|del|della|di|la|las|los|dei|da|do|dos)[ \t]+){0,3}\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,2},?${HOUSE_NUMBER}`,
  "gu",
);
const FRENCH =
  /(?<![\p{L}\d.,])\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?:[Rr]ue|[Aa]venue|[Aa]v\.|[Bb]oulevard|[Bb]d|[Pp]lace|[Cc]hemin|[Aa]llée|[Ii]mpasse|[Qq]uai|[Rr]oute|[Cc]ours)[ \t]+(?:(?:de la|de l['’]|du|des|de|la|le|d['’])[ \t]*){0,3}\p{Lu}[\p{L}'’-]*(?:[ \t]+(?:(?:de|du|des|la|le)[ \t]+)?\p{Lu}[\p{L}'’-]*){0,3}/gu;
const PO_BOX = /\b(?:P\.?[ \t]?O\.?[ \t]?Box|Postfach|Postbus|Apartado|Casella postale)[ \t]+\d[\d \t]{0,8}\d/gi;

const STATES =
  "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR";
const US_CITY = new RegExp(
  String.raw`(?<![\p{L}])\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,3},[ \t]*(?:${STATES})[ \t]+\d{5}(?:-\d{4})?(?![\d-])`,
  "gu",
);
const NOT_A_CITY =
  /^(?:(?:To|Ship|Bill|Deliver|Delivery|Address|From|Warehouse|Attn|Site|Location|Branch|Store|Dock|Our|Your|The|In|At)[ \t]+)+/u;

const POSTAL_AFTER_STREET =
  /(?:,[ \t]*|[ \t]*\r?\n[ \t]*)(?<postal>(?:[A-Z]{1,2}-)?(?:\d{4,5}|\d{3}[ \t]\d{2})(?:[ \t]?[A-Z]{2}(?![\p{L}]))?[ \t]+\p{Lu}[\p{L}'’-]*(?:[ \t](?:(?:am|an der|im|bei|sur|upon)[ \t])?\p{Lu}[\p{L}'’-]*)?(?![\p{L}\d])|\p{Lu}[\p{L}-]+,?[ \t]+[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}(?![\p{L}\d]))/uy;

function all(text: string, pattern: RegExp): Detection[] {
  return [...text.matchAll(pattern)].map((m) => ({ kind: "address", start: m.index, end: m.index + m[0].length }));
}

function cities(text: string): Detection[] {
  return [...text.matchAll(US_CITY)].map((m) => {
    const lead = m[0].match(NOT_A_CITY)?.[0].length ?? 0;
    return { kind: "address", start: m.index + lead, end: m.index + m[0].length };
  });
}

function postalLines(text: string, streets: Detection[]): Detection[] {
  return streets.flatMap((street) => {
    POSTAL_AFTER_STREET.lastIndex = street.end;
    const m = POSTAL_AFTER_STREET.exec(text);
    const postal = m?.groups?.postal;
    if (!m || !postal) return [];
    const start = m.index + m[0].length - postal.length;
    return [{ kind: "address" as const, start, end: start + postal.length }];
  });
}

export function detectAddress(text: string): Detection[] {
  const germanic = all(text, GERMANIC).filter((d) => !NOT_A_STREET.test(text.slice(d.start, d.end)));
  const streets = [...all(text, ENGLISH), ...germanic, ...all(text, ROMANCE), ...all(text, FRENCH), ...all(text, PO_BOX)];
  return [...streets, ...postalLines(text, streets), ...cities(text)];
}
