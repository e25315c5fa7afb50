import type { Detection } from "./personal-data.ts";

/**
 * People's names where the text announces one: after a label (Attn, Contact, Signed by, Received by,
 * Name:, name on card …), an honorific (Mr., Dr., Frau, mevrouw, M.), a greeting ("Dear Priya",
 * "Hi Mark,"), "this is Oliver from", "call Sarah on …", a trailing "- Tony", a mail header ("From: Laura Bianchi <…>"), or a sign-off
 * ("Kind regards,\nAnna Schmidt", "Thanks, Ryan"). One to three capitalised words, with name
 * particles (van der, von, de) allowed. A name is never guessed from capitalisation alone, and a
 * run that is a team or a company ("Dear Team", "Attn: Accounts Payable", "Ordered by Acme Supply
 * Inc") is dropped.
 */
const LABEL =
  /(?:\b(?:attn|attention|(?:contact|kontakt|contacto|contatto|referente)(?: person| for [a-z ]{1,20})?(?:[ \t]+(?:is|to))?|(?:check|speak|spoke|talk|talked|meet|met|liaise) (?:with|to)|ask for|c\/o|driver|signed by|received by|requested by|ordered by|approved by|prepared by|signed|recipient|destinataire|ontvanger|name on (?:the )?card|card ?holder|account holder|kontoinhaber(?:in)?|rekeninghouder|titulaire|my name is|ontvangen door|empfänger|ansprechpartner(?:in)?)\b\.?[ \t]*:?|(?<!\b(?:company|product|item|file|user|site|warehouse|vendor|supplier|bank|street|part|brand|trade|host|domain|account)[ \t]?)\bname[ \t]*:)[ \t]+/giu;
const HONORIFIC =
  /(?:\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Herr|Frau|[Mm]evrouw|[Mm]evr|[Dd]hr|[Mm]eneer|Mme|Mlle|Monsieur|Madame|Sr|Sra|[Ss]ig(?:\.ra|nor|nora)?|[Dd]ear|DEAR)\b\.?|(?<![\p{L}])M\.)(?:[ \t]+(?:med|rer\.[ \t]?nat|jur|phil|Ing|Dipl\.-Ing)\.)?[ \t]+/gu;
const CALL = /\b(?:please[ \t]+)?(?:call|ring|bel|phone|text|email|e-mail|contact|rufen Sie|appelez)[ \t]+/giu;
const TRAILING_DASH = /(?:^|\n|[.!?)][ \t]+)[ \t]*[-–—]{1,2}[ \t]*/gu;
const GREETING = /(?:^|\n|[.!?][ \t]+)[ \t]*(?:hi|hello|hey|hallo|hoi|bonjour|buongiorno|hola)[ \t]+/giu;
const INTRODUCTION = /\b(?:this is|it['’]s)[ \t]+/giu;
const HEADER = /(?:^|\n)(?:from|to|cc|reply-to|von|an|van|aan|de|à)[ \t]*:[ \t]*/giu;
const SIGN_OFF =
  /(?:^|\n|[.!?][ \t]+)[ \t]*(?:(?:(?:(?:best|kind|warm|many thanks and)[ \t]+)?regards|best|(?:thanks|thank you)(?:[ \t]+(?:again|so much|a lot))?|thx|many thanks|cheers|gruß|grüße|groetjes|lg|vg|sincerely|yours sincerely|yours faithfully|mit freundlichen grüßen|freundliche grüße|viele grüße|beste grüße|mfg|met vriendelijke groet(?:en)?|groeten|cordialement|bien à vous|saludos|cordiali saluti)[ \t]*(?:[,!.]?[ \t]*\r?\n|,)|--|—)[ \t]*/giu;

/** After which the name must be followed by this, or it is not taken. */
const FOLLOWED_BY: [RegExp, RegExp | undefined][] = [
  [LABEL, undefined],
  [HONORIFIC, undefined],
  [GREETING, /[ \t]*[,!\n]/y],
  [INTRODUCTION, /[ \t]+from\b/y],
  [HEADER, /[ \t]*</y],
  [SIGN_OFF, /[ \t]*(?:\r?\n|$|\()/y],
  [CALL, /[ \t]+(?:on|at|op|even|unter|au|back|directly)\b/y],
  [TRAILING_DASH, /[ \t]*$/y],
];

const WORD = String.raw`(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’]*(?:-\p{Lu}[\p{Ll}'’]*)?\p{Ll}|\p{Lu}{2,}|O['’]\p{Lu}\p{Ll}+|Mc\p{Lu}\p{Ll}+)`;
const PARTICLE = "(?:van|von|de|der|den|del|della|di|da|du|le|la|ter|ten|zu|dos|das|y)";
const NAME = new RegExp(String.raw`(?:${PARTICLE}[ \t]+){0,2}${WORD}(?:[ \t]+(?:${PARTICLE}[ \t]+){0,2}${WORD}){0,2}`, "yu");
const ENDS_WITH_WORD = new RegExp(String.raw`(?:^|[ \t])${WORD}$`, "u");

const NOT_A_NAME = new Set(
  `team teams customer customers sir sirs madam madams sir/madam all everyone colleagues colleague friends partner partners
  valued accounts account payable receivable receiving purchasing procurement dept department warehouse sales support service
  services shipping logistics office desk billing invoice invoicing finance operations store branch dock returns quality
  qa dispatch manager buyer buyers supplier suppliers vendor vendors hi hello the a an our your my mr mrs ms miss dr herr frau
  mevrouw mevr dhr meneer mme monsieur madame prof sr sra credit control admin administration reception goods inbound outbound
  front back main ap ar hr it to from re fw fwd cc bcc subject date ref po so inv order orders delivery note driver carrier
  truck pallet pallets box on at in for with by via please thanks regards kind best ship bill street st avenue road suite
  unit floor building north south east west monday tuesday wednesday thursday friday saturday sunday january february march
  april may june july august september october november december ups fedex dhl usps tnt gls dpd yes no n/a na tbd tbc unknown
  same as above below signature stamp signed received approved name contact attention attn sku qty eta asap urgent
  important note pn upc ean ok fyi info there again just quick us we me him her them`.split(/\s+/),
);
const COMPANY = new Set(
  `inc inc. llc ltd ltd. gmbh bv b.v. nv n.v. corp corp. co co. ag sa s.a. sas sarl srl spa s.p.a. plc company group supply
  supplies industries industrial logistics distribution distributors holdings partners services systems solutions trading
  wholesale international manufacturing mfg kg ohg ug`.split(/\s+/),
);

function nameAt(text: string, index: number): Detection | undefined {
  NAME.lastIndex = index;
  const m = NAME.exec(text);
  if (!m) return undefined;
  const words = m[0].split(/([ \t]+)/);
  if (words.some((w) => COMPANY.has(w.toLowerCase()))) return undefined;
  const cut = words.findIndex((w) => NOT_A_NAME.has(w.toLowerCase().replace(/\.$/, "")));
  const kept = (cut === -1 ? words : words.slice(0, cut)).join("").trimEnd();
  if (!ENDS_WITH_WORD.test(kept) || !/\p{Lu}\p{Ll}|\p{Lu}{2}/u.test(kept)) return undefined;
  return { kind: "person_name", start: index, end: index + kept.length };
}

export function detectPersonName(text: string): Detection[] {
  const out: Detection[] = [];
  for (const [pattern, after] of FOLLOWED_BY) {
    for (const m of text.matchAll(pattern)) {
      const found = nameAt(text, m.index + m[0].length);
      if (!found) continue;
      if (after) {
        after.lastIndex = found.end;
        if (!after.test(text)) continue;
      }
      out.push(found);
    }
  }
  return out;
}
