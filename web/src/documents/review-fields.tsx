import type { DocumentDetail } from "../contract.ts";
import { Badge } from "../ui/badge.tsx";
import { Confidence } from "./confidence.tsx";
import { DOCUMENT_KINDS, type DocumentKind, documentFieldLabel, formatConfidence, KIND_LABELS } from "./document-labels.ts";
import { type Slot, slotChanged } from "./review-draft.ts";
import type { SlotBinding } from "./slot-binding.ts";

/** The kind and the header fields as inputs, each with its confidence and, when it differs, what was printed. */
export function ReviewFields({
  detail,
  slots,
  binding,
  reviewer,
  onKind,
}: {
  detail: DocumentDetail;
  slots: readonly Slot[];
  binding: SlotBinding;
  reviewer: boolean;
  onKind: (kind: DocumentKind) => void;
}) {
  const header = slots.flatMap((slot, index) => (slot.kind === "field" ? [{ slot, index }] : []));
  return (
    <section className="panel" aria-labelledby="fields-title">
      <h2 id="fields-title" className="panel__title">
        Header
      </h2>
      <label className="field field--inline doc-kind">
        <span className="field__label">Kind</span>
        <select value={binding.draft.kind} disabled={!reviewer} onChange={(event) => onKind(event.target.value as DocumentKind)}>
          {DOCUMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
        <span className="doc-confidence" title="how sure the classifier was">
          {formatConfidence(detail.kind_confidence)}
        </span>
      </label>
      <p className="small muted" data-testid="document-engine">
        {engineLine(detail.extraction)}
      </p>
      {header.length === 0 ? <p className="empty">No header fields were read.</p> : null}
      <ol className="doc-fields" data-testid="document-fields">
        {header.map(({ slot, index }) => {
          const id = `doc-field-${slot.field}`;
          return (
            <li key={slot.key} className="doc-fields__row" {...binding.row(slot, index)}>
              <label htmlFor={id} className="doc-fields__label">
                {documentFieldLabel(slot.field)}
              </label>
              <input id={id} className="doc-fields__input" {...binding.input(slot, index)} />
              <span className="doc-fields__meta">
                <Confidence slot={slot} />
                {slotChanged(binding.draft, slot) ? <Badge tone="info">changed</Badge> : null}
              </span>
              {slot.read && slot.read.printed !== slot.read.value ? (
                <span className="doc-fields__printed small muted">printed “{slot.read.printed}”</span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Which engine read the document: a person should know whether a model or the layout rules did. */
function engineLine(extraction: DocumentDetail["extraction"]): string {
  if (extraction.engine === "model") return `Read by the model ${extraction.model} (${extraction.provider})`;
  return extraction.note ? `Read by the layout rules: ${extraction.note}` : "Read by the layout rules";
}
