import { type ErrorDetail, isApiError } from "../api/api-error.ts";
import { ErrorBanner } from "../ui/error-banner.tsx";

/** A form's error from the API, split: each field problem at the field the form shows for its path, the rest in a banner. */
export type FieldErrors = {
  /** The message for a field, by the path the form gave it ("config.base_url"). */
  at: (path: string) => string | undefined;
  /** Problems no field of the form shows. */
  other: ErrorDetail[];
};

/** The longest of `paths` that `path` is at or under: "config.auth.token" → "config.auth.token", "config.headers.X" → "config.headers". */
export function fieldOf(path: string, paths: readonly string[]): string | undefined {
  return paths
    .filter((candidate) => path === candidate || path.startsWith(`${candidate}.`))
    .sort((a, b) => b.length - a.length)[0];
}

/** Splits a 422's details by the field paths a form shows; anything else stays for the banner. */
export function fieldErrors(error: unknown, paths: readonly string[]): FieldErrors {
  return fieldErrorsOf(isApiError(error) ? error.details : [], paths);
}

/** Splits problems with a path (an API error's details, or problems found before asking) by the field paths a form shows. */
export function fieldErrorsOf(details: readonly ErrorDetail[], paths: readonly string[]): FieldErrors {
  const byField = new Map<string, string>();
  const other: ErrorDetail[] = [];
  for (const detail of details) {
    const field = detail.path ? fieldOf(detail.path, paths) : undefined;
    if (!field) other.push(detail);
    else byField.set(field, byField.has(field) ? `${byField.get(field)}; ${detail.message}` : detail.message);
  }
  return { at: (path) => byField.get(path), other };
}

/** The message under a field, tied to its input by id for screen readers. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span id={id} className="field__error" role="alert">
      {message}
    </span>
  );
}

/** The input's aria attributes while its field has an error. */
export const invalidProps = (id: string, message: string | undefined) =>
  message ? { "aria-invalid": true as const, "aria-describedby": id } : {};

/**
 * The banner above a form: the API's message, with only the problems no field shows (a 422 whose
 * details all sit at their fields says just that the form needs correcting).
 */
export function FormErrorBanner({ error, errors, title }: { error: unknown; errors: FieldErrors; title?: string }) {
  if (!error) return null;
  if (!isApiError(error) || error.details.length === 0) return <ErrorBanner error={error} title={title} />;
  return (
    <div className="banner banner--error" role="alert">
      {title ? <strong>{title}: </strong> : null}
      {errors.other.length === error.details.length ? error.message : "Please correct the fields marked below."}
      {errors.other.length > 0 && errors.other.length < error.details.length ? (
        <ul className="field-errors__other">
          {errors.other.map((detail) => (
            <li key={`${detail.path ?? ""}:${detail.message}`}>
              {detail.path ? `${detail.path}: ${detail.message}` : detail.message}
            </li>
          ))}
        </ul>
      ) : null}
      {error.requestId ? <span className="banner__meta"> (request {error.requestId})</span> : null}
    </div>
  );
}
