import type { DocumentDetail } from "../contract.ts";
import { Confidence } from "./confidence.tsx";
import { documentFieldLabel } from "./document-labels.ts";
import { type Slot, slotChanged } from "./review-draft.ts";
import type { SlotBinding } from "./slot-binding.ts";

/** The lines as a table of inputs, a column per field read on any line, each value with its confidence. */
export function ReviewLines({
  detail,
  columns,
  slots,
  binding,
}: {
  detail: DocumentDetail;
  columns: readonly string[];
  slots: readonly Slot[];
  binding: SlotBinding;
}) {
  const indexOf = (line: number, column: string) =>
    slots.findIndex((slot) => slot.kind === "line" && slot.line === line && slot.field === column);
  return (
    <section className="panel" aria-labelledby="lines-title">
      <h2 id="lines-title" className="panel__title">
        Lines <span className="muted small">({detail.lines.length})</span>
      </h2>
      {detail.lines.length === 0 ? (
        <p className="empty">No lines were read.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact doc-lines" data-testid="document-lines">
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {documentFieldLabel(column)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {detail.lines.map((_, line) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a document's lines are numbered by their place
                <tr key={line}>
                  {columns.map((column) => {
                    const index = indexOf(line, column);
                    const slot = slots[index];
                    if (!slot) return <td key={column} />;
                    return (
                      <td key={column} className="doc-lines__cell" {...binding.row(slot, index)}>
                        <input
                          aria-label={`Line ${line + 1} ${documentFieldLabel(column).toLowerCase()}`}
                          className={
                            slotChanged(binding.draft, slot) ? "doc-lines__input doc-lines__input--changed" : "doc-lines__input"
                          }
                          {...binding.input(slot, index)}
                        />
                        {slot.read ? <Confidence slot={slot} compact /> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
