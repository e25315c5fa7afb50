/** The review page's keys, shown on the page. */
export const REVIEW_SHORTCUTS: readonly { keys: string[]; label: string; reviewer?: boolean }[] = [
  { keys: ["j", "↓"], label: "Next value" },
  { keys: ["k", "↑"], label: "Previous value" },
  { keys: ["Enter"], label: "Edit the value; Enter again keeps it, Esc undoes", reviewer: true },
  { keys: ["a"], label: "Approve (with your corrections)", reviewer: true },
  { keys: ["r"], label: "Reject, with a reason", reviewer: true },
  { keys: ["n"], label: "Next document in the queue" },
];

export function ReviewShortcuts({ reviewer }: { reviewer: boolean }) {
  return (
    <section className="panel" aria-labelledby="review-keys-title" data-testid="review-shortcuts">
      <h2 id="review-keys-title" className="panel__title">
        Keyboard
      </h2>
      <dl className="shortcuts shortcuts--compact">
        {REVIEW_SHORTCUTS.filter((row) => reviewer || !row.reviewer).map((row) => (
          <div key={row.label} className="shortcuts__row">
            <dt>
              {row.keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd>{row.label}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
