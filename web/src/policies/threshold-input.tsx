import { type InputHTMLAttributes, useId, useState } from "react";
import { FieldError, invalidProps } from "../settings-workflows/field-errors.tsx";
import { sameValue, type ValueText } from "./threshold-values.ts";

/**
 * A labelled input for one value of the threshold data, with its problem under it. It keeps the
 * text as typed ("7,500", "95 %") while that reads as the value in the data, and shows the data's
 * value otherwise (after "Discard changes", an edit of the JSON, a tier removed above it).
 */
export function ThresholdInput({
  label,
  labelHidden = false,
  path,
  value,
  text: codec,
  error,
  onValue,
  ...input
}: {
  label: string;
  /** The label is read out but not shown (where a heading above a column of inputs shows it). */
  labelHidden?: boolean;
  /** Where in the data it is ("data.default.min_confidence"): problems there show here, and picking one comes here. */
  path: string;
  value: unknown;
  text: ValueText;
  error: string | undefined;
  onValue: (value: unknown) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange">) {
  const id = useId();
  const [typed, setTyped] = useState(() => codec.format(value));
  const shown = sameValue(codec.parse(typed), value) ? typed : codec.format(value);
  return (
    <label className="field">
      <span className={labelHidden ? "visually-hidden" : "field__label"}>{label}</span>
      <input
        {...input}
        value={shown}
        data-policy-path={path}
        onChange={(event) => {
          setTyped(event.target.value);
          onValue(codec.parse(event.target.value));
        }}
        {...invalidProps(id, error)}
      />
      <FieldError id={id} message={error} />
    </label>
  );
}
