/** ISO 3166-1 alpha-2 codes. */
const CODES = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
    "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
    "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
    "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
    "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
    "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"
  ).split(" "),
);

/** Countries' names as addresses print them, in English, Dutch, French, German, Spanish and Italian. */
const NAMES: [string, string[]][] = [
  [
    "US",
    [
      "united states",
      "united states of america",
      "usa",
      "u s a",
      "verenigde staten",
      "états unis",
      "etats unis",
      "vereinigte staaten",
      "estados unidos",
      "stati uniti",
    ],
  ],
  ["CA", ["canada", "kanada"]],
  ["MX", ["mexico", "mexique", "mexiko", "méxico", "messico"]],
  [
    "GB",
    [
      "united kingdom",
      "uk",
      "great britain",
      "england",
      "verenigd koninkrijk",
      "royaume uni",
      "vereinigtes königreich",
      "großbritannien",
      "reino unido",
      "regno unito",
    ],
  ],
  ["IE", ["ireland", "ierland", "irlande", "irland", "irlanda"]],
  ["NL", ["netherlands", "the netherlands", "nederland", "pays bas", "niederlande", "países bajos", "paesi bassi", "holland"]],
  ["BE", ["belgium", "belgië", "belgie", "belgique", "belgien", "bélgica", "belgio"]],
  ["LU", ["luxembourg", "luxemburg", "luxemburgo", "lussemburgo"]],
  ["FR", ["france", "frankrijk", "frankreich", "francia"]],
  ["DE", ["germany", "duitsland", "allemagne", "deutschland", "alemania", "germania"]],
  ["AT", ["austria", "oostenrijk", "autriche", "österreich"]],
  ["CH", ["switzerland", "zwitserland", "suisse", "schweiz", "suiza", "svizzera"]],
  ["IT", ["italy", "italië", "italie", "italien", "italia"]],
  ["ES", ["spain", "spanje", "espagne", "spanien", "españa", "spagna"]],
  ["PT", ["portugal", "portogallo"]],
  ["DK", ["denmark", "denemarken", "danemark", "dänemark", "dinamarca", "danimarca"]],
  ["SE", ["sweden", "zweden", "suède", "schweden", "suecia", "svezia"]],
  ["NO", ["norway", "noorwegen", "norvège", "norwegen", "noruega", "norvegia"]],
  ["FI", ["finland", "finlande", "finnland", "finlandia"]],
  ["PL", ["poland", "polen", "pologne", "polonia", "polska"]],
  ["CZ", ["czech republic", "czechia", "tsjechië", "république tchèque", "tschechien"]],
  ["HU", ["hungary", "hongarije", "hongrie", "ungarn", "hungría"]],
  ["GR", ["greece", "griekenland", "grèce", "griechenland", "grecia"]],
  ["CN", ["china", "chine", "cina"]],
  ["HK", ["hong kong", "hongkong"]],
  ["JP", ["japan", "japon", "japón", "giappone"]],
  ["IN", ["india", "inde", "indien"]],
  ["SG", ["singapore", "singapour", "singapur"]],
  ["AU", ["australia", "australië", "australie", "australien"]],
  ["NZ", ["new zealand", "nieuw zeeland", "nouvelle zélande", "neuseeland"]],
  ["BR", ["brazil", "brazilië", "brésil", "brasilien", "brasil"]],
];
const BY_NAME = new Map(NAMES.flatMap(([code, names]) => names.map((name) => [name, code] as const)));

export const isCountryCode = (code: string) => CODES.has(code);

/**
 * The ISO code of a country as an address prints it ("Nederland", "United States", "Deutschland",
 * "US"); null when the text is not a country.
 */
export function countryCode(printed: string): string | null {
  const text = printed.trim();
  const folded = text
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, " ")
    .trim();
  const named = BY_NAME.get(folded);
  if (named) return named;
  return /^[A-Z]{2}$/.test(text) && CODES.has(text) ? text : null;
}
