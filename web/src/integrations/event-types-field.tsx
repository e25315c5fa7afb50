import { Fragment, type ReactNode, useId } from "react";
import type { WebhookEventType } from "../contract.ts";
import { FieldError } from "../settings-workflows/field-errors.tsx";
import { coveredBy, type EventGroup } from "./event-type-choice.ts";

const toggled = (chosen: ReadonlySet<string>, pattern: string, on: boolean): Set<string> => {
  const next = new Set(chosen);
  if (on) next.add(pattern);
  else next.delete(pattern);
  return next;
};

/**
 * The event types a subscription receives: everything, whole families (`records.*`), single types,
 * and any other pattern typed in. A type a chosen family or everything covers shows ticked, and is
 * not saved on its own.
 */
export function EventTypesField({
  groups,
  chosen,
  other,
  onChosen,
  onOther,
  error,
}: {
  groups: readonly EventGroup[];
  chosen: ReadonlySet<string>;
  other: string;
  onChosen: (chosen: Set<string>) => void;
  onOther: (other: string) => void;
  error: string | undefined;
}) {
  const id = useId();
  const box = (pattern: string, label: ReactNode, covered: string | null = null, hint?: string) => (
    <label key={pattern} className={covered ? "checkbox checkbox--disabled" : "checkbox"} title={hint}>
      <input
        type="checkbox"
        checked={covered !== null || chosen.has(pattern)}
        disabled={covered !== null}
        onChange={(event) => onChosen(toggled(chosen, pattern, event.target.checked))}
      />
      <span>{label}</span>
    </label>
  );
  // Long names break after a dot rather than inside a word.
  const described = (type: WebhookEventType) => (
    <>
      <span className="mono">
        {type.type.split(".").map((part, index, parts) => (
          // The name up to this part is unique within the name.
          <Fragment key={parts.slice(0, index + 1).join(".")}>
            {index > 0 ? (
              <>
                .<wbr />
              </>
            ) : null}
            {part}
          </Fragment>
        ))}
      </span>
      <span className="visually-hidden"> — {type.description}</span>
    </>
  );
  return (
    <fieldset className="event-types" data-testid="event-types" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">Event types</legend>
      {box("*", <strong>Every event (*)</strong>)}
      {groups.map((group) => (
        <fieldset key={group.pattern} className="event-types__group">
          <legend className="event-types__legend">{group.label}</legend>
          {box(
            group.pattern,
            <>
              All of them <span className="mono">({group.pattern})</span>
            </>,
            chosen.has("*") ? "*" : null,
          )}
          <div className="checkbox-list checkbox-list--columns">
            {group.types.map((type) =>
              box(type.type, described(type), coveredBy(type.type, chosen) ?? (chosen.has("*") ? "*" : null), type.description),
            )}
          </div>
        </fieldset>
      ))}
      <label className="field">
        <span className="field__label">Other patterns (optional)</span>
        <input
          value={other}
          autoComplete="off"
          placeholder="records.sales_order.*"
          onChange={(event) => onOther(event.target.value)}
        />
        <span className="field__hint">Exact types or prefixes ending in .*, separated by commas.</span>
      </label>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
