import { useId } from "react";
import { thresholdRows } from "./threshold-edits.ts";
import { moneyLabel, type Tier, tiersLabel } from "./threshold-summary.ts";

type KindData = {
  auto_approve_max_minor: number | null;
  min_confidence: number;
  approver_tiers: Tier[];
  deny_customer_tiers?: string[];
  approval_item_classes?: string[];
};

/** Reads a kind's numbers if they have the contract's shape; the server checks them properly. */
function asKind(value: unknown): KindData | null {
  if (!value || typeof value !== "object") return null;
  const kind = value as Partial<KindData>;
  if (!Array.isArray(kind.approver_tiers) || typeof kind.min_confidence !== "number") return null;
  return kind as KindData;
}

/** The threshold data as an operations manager reads it: one row per kind of write, and the default. */
export function ThresholdsTable({ data }: { data: unknown }) {
  const captionId = useId();
  // In the contract's order, whatever order the JSON has them in; unknown names last, for Validate to name.
  const rows = thresholdRows(data).map(({ key, label, value }) => ({ name: key, label, kind: asKind(value) }));
  return (
    // Focusable, so a keyboard can scroll it sideways when it is wider than the page.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap policies-thresholds" aria-labelledby={captionId} tabIndex={0}>
      <table className="table table--compact" data-testid="policy-thresholds">
        <caption id={captionId} className="policies-thresholds__caption">
          Thresholds in this draft
        </caption>
        <thead>
          <tr>
            <th scope="col">Kind of write</th>
            <th scope="col">Without a person up to</th>
            <th scope="col">Min. confidence</th>
            <th scope="col">Approved by</th>
            <th scope="col">Never for tiers</th>
            <th scope="col">Always a person for</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ name, label, kind }) => (
            <tr key={name}>
              <th scope="row">
                {label}
                {name !== "default" ? <div className="mono small muted">{name}</div> : null}
              </th>
              {kind ? (
                <>
                  <td className="num">
                    {kind.auto_approve_max_minor === null ? (
                      <span className="muted">never</span>
                    ) : (
                      moneyLabel(kind.auto_approve_max_minor)
                    )}
                  </td>
                  <td className="num">{Math.round(kind.min_confidence * 100)}%</td>
                  <td className="policies-thresholds__wrap">{tiersLabel(kind.approver_tiers)}</td>
                  <td>{kind.deny_customer_tiers?.join(", ") || <span className="muted">—</span>}</td>
                  <td>{kind.approval_item_classes?.join(", ") || <span className="muted">—</span>}</td>
                </>
              ) : (
                <td colSpan={5} className="muted">
                  not in the expected shape: Validate says why
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
