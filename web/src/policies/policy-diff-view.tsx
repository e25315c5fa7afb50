import type { PolicySet } from "../contract.ts";
import { type DiffLine, foldUnchanged, lineDiff } from "./line-diff.ts";
import { dataJson } from "./policy-draft.ts";

const MARK = { same: " ", removed: "−", added: "+" } as const;

function DiffBlock({ title, before, after }: { title: string; before: string; after: string }) {
  const lines = lineDiff(before, after);
  const changed = lines.filter((line) => line.type !== "same").length;
  return (
    <div className="policies-diff__block">
      <h4 className="policies-diff__title">
        {title}{" "}
        <span className="muted small">
          {changed === 0 ? "no changes" : `${changed} ${changed === 1 ? "line" : "lines"} changed`}
        </span>
      </h4>
      {changed > 0 ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="policies-diff__lines mono" aria-label={`${title}: changed lines`} tabIndex={0}>
          {foldUnchanged(lines).map((hunk, index) =>
            hunk.type === "folded" ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: hunks are derived, in order, never reordered
              <div key={index} className="policies-diff__folded">
                … {hunk.count} unchanged {hunk.count === 1 ? "line" : "lines"}
              </div>
            ) : (
              hunk.lines.map((line: DiffLine) => (
                <div
                  key={`${line.type}-${"before" in line ? line.before : ""}-${"after" in line ? line.after : ""}`}
                  className={`policies-diff__line policies-diff__line--${line.type}`}
                >
                  <span className="policies-diff__number">{"before" in line ? line.before : ""}</span>
                  <span className="policies-diff__number">{"after" in line ? line.after : ""}</span>
                  <span className="policies-diff__mark">{MARK[line.type]}</span>
                  <span className="policies-diff__text">{line.text}</span>
                </div>
              ))
            ),
          )}
        </section>
      ) : null}
    </div>
  );
}

/** What changed from one policy set to another: the Cedar text and the threshold data, line by line. */
export function PolicyDiffView({ before, after }: { before: PolicySet; after: PolicySet }) {
  return (
    <div className="policies-diff" data-testid="policy-diff">
      <DiffBlock title="Cedar policies" before={before.text} after={after.text} />
      <DiffBlock title="Threshold data" before={dataJson(before.data)} after={dataJson(after.data)} />
    </div>
  );
}
