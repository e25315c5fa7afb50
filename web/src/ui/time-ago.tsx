import { formatRelative, formatTimestamp } from "../format/format.ts";

/** A moment as "3 hours ago", with the exact time on hover and for screen readers. */
export function TimeAgo({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="muted">—</span>;
  return (
    <time dateTime={value} title={formatTimestamp(value)}>
      {formatRelative(value)}
    </time>
  );
}
