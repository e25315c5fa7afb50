import { useEffect, useState } from "react";
import type { ListParam } from "../contract.ts";
import { fieldLabel } from "./labels.ts";

const SUFFIX_LABELS: [string, string][] = [
  ["_min", "at least"],
  ["_max", "at most"],
  ["_from", "from"],
  ["_to", "to"],
  ["_after", "after"],
  ["_before", "before"],
];

/** "list_price_min" → "List price at least"; "updated_after" → "Updated after". */
export function paramLabel(param: ListParam): string {
  for (const [suffix, words] of SUFFIX_LABELS) {
    if (param.name.endsWith(suffix) && param.op !== "eq") return `${fieldLabel(param.name.slice(0, -suffix.length))} ${words}`;
  }
  return fieldLabel(param.name);
}

/**
 * A day picked for a timestamp filter. The API reads a bare date as that day's first instant (UTC),
 * which for an inclusive upper bound ("received up to the 5th") would leave the day itself out:
 * such a bound is sent as the day's last instant.
 */
export function dateBound(param: Pick<ListParam, "kind" | "op">, day: string): string {
  return day && param.kind === "timestamp" && param.op === "lte" ? `${day}T23:59:59.999Z` : day;
}

/** One filter's control: a picker for enums and booleans, a date for dates, text otherwise. */
export function FilterInput({ param, value, onChange }: { param: ListParam; value: string; onChange: (value: string) => void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const label = paramLabel(param);
  if (param.kind === "enum" && param.values) {
    return (
      <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">any</option>
        {param.values.map((option) => (
          <option key={option} value={option}>
            {option.replaceAll("_", " ")}
          </option>
        ))}
      </select>
    );
  }
  if (param.kind === "boolean") {
    return (
      <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">any</option>
        <option value="true">yes</option>
        <option value="false">no</option>
      </select>
    );
  }
  const isDate = param.kind === "date" || param.kind === "timestamp";
  const numeric = param.kind === "integer" || param.kind === "decimal" || param.kind === "money";
  return (
    <input
      aria-label={label}
      type={isDate ? "date" : "text"}
      inputMode={numeric ? "decimal" : undefined}
      value={isDate ? draft.slice(0, 10) : draft}
      size={numeric ? 8 : 14}
      onChange={(event) => {
        setDraft(event.target.value);
        if (isDate) onChange(dateBound(param, event.target.value));
      }}
      onBlur={() => draft !== value && onChange(draft)}
      onKeyDown={(event) => {
        if (event.key === "Enter") onChange(draft);
      }}
    />
  );
}
