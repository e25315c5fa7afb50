/** Standard carrier alpha codes of the carriers the demo business uses; others get a code from their name. */
const SCAC: Record<string, string> = {
  "old dominion": "ODFL",
  "estes express": "EXLA",
  estes: "EXLA",
  "ups freight": "UPGF",
  "tforce freight": "TFIN",
  ups: "UPSN",
  "fedex freight": "FXFE",
  fedex: "FDEG",
  "xpo logistics": "CNWY",
  xpo: "CNWY",
  saia: "SAIA",
  "r+l carriers": "RLCA",
  "yrc freight": "RDWY",
  "abf freight": "ABFS",
  "southeastern freight lines": "SEFL",
  averitt: "AVRT",
  "central transport": "CTII",
};

export function scacOf(carrier: string): string {
  const known = SCAC[carrier.trim().toLowerCase()];
  if (known) return known;
  const letters = carrier.toUpperCase().replace(/[^A-Z]/g, "");
  return (letters.slice(0, 4) || "XXXX").padEnd(4, "X");
}
