import { type FormEvent, useState } from "react";
import { textOn } from "../branding/colors.ts";
import type { Branding, BrandingInput } from "../contract.ts";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { readLogo } from "./read-logo.ts";

type Inherited = { product_name: string; primary_color: string; accent_color: string; logo: string | null };

const TEXT_FIELDS = [
  { name: "product_name", label: "Product name", hint: "Shown in the sidebar, the sign-in page, window titles and emails." },
  { name: "support_email", label: "Support email", hint: "Shown on the sign-in page, in the sidebar and in emails." },
  { name: "support_url", label: "Support website", hint: "A help centre link." },
  { name: "support_phone", label: "Support phone", hint: "" },
  { name: "email_from_name", label: "Email sender name", hint: "The From name on emails, e.g. “Harbor Ops”." },
] as const;

/**
 * Edits one level of branding (a tenant's or a partner's). Empty fields inherit: the placeholder
 * shows what will be used instead. Saving sends only what changed; clearing sends null.
 */
export function BrandingForm({
  value,
  inherited,
  editable,
  saving,
  error,
  onSave,
  testId,
}: {
  value: Branding;
  inherited: Inherited;
  editable: boolean;
  saving: boolean;
  error: unknown;
  onSave: (changes: BrandingInput) => void;
  testId: string;
}) {
  const [draft, setDraft] = useState<Branding>(value);
  const [logoError, setLogoError] = useState<string | null>(null);
  const set = <K extends keyof Branding>(name: K, next: Branding[K]) => setDraft({ ...draft, [name]: next });
  const changes = Object.fromEntries(
    (Object.keys(draft) as (keyof Branding)[]).filter((name) => draft[name] !== value[name]).map((name) => [name, draft[name]]),
  ) as BrandingInput;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(changes);
  };
  const primary = draft.primary_color ?? inherited.primary_color;
  const accent = draft.accent_color ?? inherited.accent_color;
  return (
    <form className="branding-form" onSubmit={submit} data-testid={testId}>
      <fieldset disabled={!editable} className="branding-form__fields">
        <ErrorBanner error={error} />
        {TEXT_FIELDS.map((field) => (
          <label key={field.name} className="field">
            <span className="field__label">{field.label}</span>
            <input
              name={field.name}
              value={draft[field.name] ?? ""}
              placeholder={field.name === "product_name" ? inherited.product_name : "not set"}
              onChange={(event) => set(field.name, event.target.value.trim() === "" ? null : event.target.value)}
            />
            {field.hint ? <span className="field__hint">{field.hint}</span> : null}
          </label>
        ))}
        <ColorField
          label="Primary colour"
          name="primary_color"
          value={draft.primary_color}
          inherited={inherited.primary_color}
          onChange={(next) => set("primary_color", next)}
        />
        <ColorField
          label="Accent colour"
          name="accent_color"
          value={draft.accent_color}
          inherited={inherited.accent_color}
          onChange={(next) => set("accent_color", next)}
        />
        <div className="field">
          <span className="field__label" id={`${testId}-logo`}>
            Logo
          </span>
          <div className="logo-field">
            {(draft.logo ?? inherited.logo) ? (
              <img src={draft.logo ?? inherited.logo ?? ""} alt="Current logo" />
            ) : (
              <span className="muted">none</span>
            )}
            <input
              type="file"
              accept="image/png,image/jpeg,image/webp,image/svg+xml"
              aria-labelledby={`${testId}-logo`}
              onChange={async (event) => {
                const file = event.target.files?.[0];
                if (!file) return;
                const logo = await readLogo(file);
                setLogoError(logo.ok ? null : logo.message);
                if (logo.ok) set("logo", logo.value);
              }}
            />
            {draft.logo ? (
              <button type="button" className="button button--small" onClick={() => set("logo", null)}>
                Remove logo
              </button>
            ) : null}
          </div>
          {logoError ? <span className="field__error">{logoError}</span> : null}
        </div>
      </fieldset>
      <figure className="branding-preview" style={{ borderColor: primary }}>
        <figcaption className="visually-hidden">Preview</figcaption>
        <div className="branding-preview__bar" style={{ background: primary, color: textOn(primary) }}>
          {(draft.logo ?? inherited.logo) ? <img src={draft.logo ?? inherited.logo ?? ""} alt="" /> : null}
          {draft.product_name ?? inherited.product_name}
        </div>
        <div className="branding-preview__body">
          <span className="branding-preview__button" style={{ background: primary, color: textOn(primary) }}>
            Primary action
          </span>
          <span className="branding-preview__accent" style={{ background: accent, color: textOn(accent) }}>
            Accent
          </span>
        </div>
      </figure>
      {editable ? (
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={saving || Object.keys(changes).length === 0}>
            {saving ? "Saving…" : "Save branding"}
          </button>
          <button type="button" className="button" disabled={Object.keys(changes).length === 0} onClick={() => setDraft(value)}>
            Discard changes
          </button>
        </div>
      ) : null}
    </form>
  );
}

function ColorField({
  label,
  name,
  value,
  inherited,
  onChange,
}: {
  label: string;
  name: string;
  value: string | null;
  inherited: string;
  onChange: (value: string | null) => void;
}) {
  return (
    <div className="field">
      <span className="field__label">{label}</span>
      <div className="color-field">
        <input
          type="color"
          aria-label={`${label} picker`}
          value={value ?? inherited}
          onChange={(event) => onChange(event.target.value)}
        />
        <input
          name={name}
          aria-label={label}
          value={value ?? ""}
          placeholder={inherited}
          size={9}
          onChange={(event) => onChange(event.target.value.trim() === "" ? null : event.target.value.trim())}
        />
        {value ? (
          <button type="button" className="button button--small button--ghost" onClick={() => onChange(null)}>
            Inherit
          </button>
        ) : null}
      </div>
    </div>
  );
}
