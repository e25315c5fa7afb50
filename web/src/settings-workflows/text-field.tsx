import { type InputHTMLAttributes, useId } from "react";
import { FieldError, type FieldErrors, invalidProps } from "./field-errors.tsx";

/** A labelled input whose API error (at `path`) shows under it. */
export function TextField({
  label,
  path,
  errors,
  hint,
  value,
  onValue,
  ...input
}: {
  label: string;
  path: string;
  errors: FieldErrors;
  hint?: string;
  value: string;
  onValue: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange">) {
  const id = useId();
  const message = errors.at(path);
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input {...input} value={value} onChange={(event) => onValue(event.target.value)} {...invalidProps(id, message)} />
      {hint ? <span className="field__hint">{hint}</span> : null}
      <FieldError id={id} message={message} />
    </label>
  );
}
