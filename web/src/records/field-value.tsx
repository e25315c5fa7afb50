import { Link } from "@tanstack/react-router";
import { type FieldMeta, recordTypes } from "../contract.ts";
import { formatDate, formatDecimal, formatMoney, formatTimestamp } from "../format/format.ts";
import { Badge, type BadgeTone } from "../ui/badge.tsx";

const GOOD = new Set(["active", "delivered", "paid", "closed", "received", "resolved", "shipped", "completed", "approved"]);
const WARN = new Set([
  "pending",
  "open",
  "in_transit",
  "partially_shipped",
  "partially_received",
  "backordered",
  "on_hold",
  "draft",
]);
const BAD = new Set([
  "cancelled",
  "canceled",
  "inactive",
  "discontinued",
  "overdue",
  "disputed",
  "exception",
  "rejected",
  "blocked",
  "late",
]);

function toneOf(value: string): BadgeTone {
  if (GOOD.has(value)) return "good";
  if (WARN.has(value)) return "warn";
  if (BAD.has(value)) return "bad";
  return "neutral";
}

/**
 * One field's value as the console shows it: exact decimals grouped, money with its currency,
 * calendar dates as days, references as links to the record they name.
 */
export function FieldValue({
  field,
  value,
  row,
  currency,
}: {
  field: FieldMeta;
  value: unknown;
  /** The record the value belongs to: its source system resolves references. */
  row: Record<string, unknown>;
  /** For a line's money fields: the parent record's currency. */
  currency?: string | null | undefined;
}) {
  if (value === null || value === undefined || value === "") return <span className="muted">—</span>;
  switch (field.kind) {
    case "integer":
    case "decimal":
      return <span className="num">{formatDecimal(value as string)}</span>;
    case "money": {
      const code = (field.currencyField ? (row[field.currencyField] as string | null) : null) ?? currency ?? null;
      return <span className="num">{formatMoney(value as string, code)}</span>;
    }
    case "date":
      return <span>{formatDate(value as string)}</span>;
    case "timestamp":
      return <time dateTime={value as string}>{formatTimestamp(value as string)}</time>;
    case "boolean":
      return <span>{value ? "Yes" : "No"}</span>;
    case "enum":
      return <Badge tone={toneOf(String(value))}>{String(value).replaceAll("_", " ")}</Badge>;
    case "ref": {
      const target = field.refType ? recordTypes[field.refType as keyof typeof recordTypes] : undefined;
      const source = row.source_system as string | undefined;
      if (!target || !source) return <span>{String(value)}</span>;
      return (
        <Link
          to="/records/$type/external/$sourceSystem/$externalId"
          params={{ type: target.path, sourceSystem: source, externalId: String(value) }}
        >
          {String(value)}
        </Link>
      );
    }
    case "json":
      return <code className="json-inline">{JSON.stringify(value)}</code>;
    default:
      return <span>{String(value)}</span>;
  }
}
