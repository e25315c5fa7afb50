import type { Party } from "../content/party.ts";
import type { TruthRecorder } from "../truth/recorder.ts";

/**
 * The lines of a name-and-address block, recording each part under `<prefix>_name`,
 * `<prefix>_address_line1`, `<prefix>_city` and so on.
 */
export function addressLines(
  record: TruthRecorder,
  prefix: string,
  party: Party,
  options: { code?: string; phone?: boolean; country?: boolean; upper?: boolean } = {},
): string[] {
  const up = (value: string) => (options.upper ? value.toUpperCase() : value);
  const text = (key: string, value: string) => record.text(`${prefix}_${key}`, up(value));
  const lines = [text("name", party.name)];
  if (party.line1) lines.push(text("address_line1", party.line1));
  if (party.line2) lines.push(text("address_line2", party.line2));
  const place = [
    party.city && text("city", party.city),
    [party.region && text("region", party.region), party.postalCode && text("postal_code", party.postalCode)]
      .filter(Boolean)
      .join(" "),
  ];
  const cityLine = place.filter(Boolean).join(", ");
  if (cityLine) lines.push(cityLine);
  if (options.country && party.country) lines.push(text("country", party.country));
  if (options.phone && party.phone) lines.push(`${options.upper ? "TEL" : "Tel"} ${text("phone", party.phone)}`);
  if (options.code && party.code) lines.push(`${options.code} ${text("code", party.code)}`);
  return lines;
}
