import { useId } from "react";
import { ACTION_KIND_NAMES, ACTION_KINDS, type ActionKind } from "../contract.ts";
import { formatMoney } from "../format/format.ts";

type Tier = { max_minor: number | null; role: string };
type KindData = {
  auto_approve_max_minor: number | null;
  min_confidence: number;
  approver_tiers: Tier[];
  deny_customer_tiers?: string[];
  approval_item_classes?: string[];
};

const rank = (name: string) => {
  const index = (ACTION_KIND_NAMES as readonly string[]).indexOf(name);
  return index < 0 ? ACTION_KIND_NAMES.length : index;
};

const money = (minor: number) => formatMoney((minor / 100).toFixed(2), null);

/** Reads a kind's numbers if they have the contract's shape; the server checks them properly. */
function asKind(value: unknown): KindData | null {
  if (!value || typeof value !== "object") return null;
  const kind = value as Partial<KindData>;
  if (!Array.isArray(kind.approver_tiers) || typeof kind.min_confidence !== "number") return null;
  return kind as KindData;
}

function tiers(list: Tier[]): string {
  return list
    .map((tier) => (tier.max_minor === null ? `${tier.role} above` : `${tier.role} up to ${money(tier.max_minor)}`))
    .join(" · ");
}

/** The threshold data as an operations manager reads it: one row per kind of write, and the default. */
export function ThresholdsTable({ data }: { data: unknown }) {
  const captionId = useId();
  const root = (data ?? {}) as { default?: unknown; kinds?: Record<string, unknown> };
  const rows: { name: string; label: string; kind: KindData | null }[] = [
    { name: "default", label: "Every other kind", kind: asKind(root.default) },
    // In the contract's order, whatever order the JSON has them in; unknown names last, for Validate to name.
    ...Object.entries(root.kinds ?? {})
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([name, value]) => ({
        name,
        label: ACTION_KINDS[name as ActionKind]?.label ?? name,
        kind: asKind(value),
      })),
  ];
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
                      money(kind.auto_approve_max_minor)
                    )}
                  </td>
                  <td className="num">{Math.round(kind.min_confidence * 100)}%</td>
                  <td className="policies-thresholds__wrap">{tiers(kind.approver_tiers)}</td>
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
