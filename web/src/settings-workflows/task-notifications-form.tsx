import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { NotificationSettings } from "../contract.ts";
import { Badge } from "../ui/badge.tsx";
import { FormErrorBanner, fieldErrors } from "./field-errors.tsx";
import { saveTaskNotifications, taskNotificationsQuery } from "./task-notification-queries.ts";
import { TextField } from "./text-field.tsx";

const PATHS = ["email", "webhook_url", "webhook_secret"];

type SecretChange = "keep" | "replace" | "remove";

/**
 * Where new and escalated tasks are announced: email to the people they are for, and a webhook. The
 * webhook's signing secret is write-only: set, replaced or removed, never shown.
 */
export function TaskNotificationsForm({ settings }: { settings: NotificationSettings }) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(settings.email);
  const [webhookUrl, setWebhookUrl] = useState(settings.webhook_url ?? "");
  const [secretChange, setSecretChange] = useState<SecretChange>(settings.webhook_secret_set ? "keep" : "replace");
  const [secret, setSecret] = useState("");
  const save = useMutation({
    mutationFn: () =>
      saveTaskNotifications({
        email,
        webhook_url: webhookUrl.trim() || null,
        ...(secretChange === "remove"
          ? { webhook_secret: null }
          : secretChange === "replace" && secret !== ""
            ? { webhook_secret: secret }
            : {}),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(taskNotificationsQuery.queryKey, saved);
      setSecret("");
      setSecretChange(saved.webhook_secret_set ? "keep" : "replace");
    },
  });
  const errors = fieldErrors(save.error, PATHS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="panel" onSubmit={submit} noValidate data-testid="task-notifications-form">
      <FormErrorBanner error={save.error} errors={errors} title="Not saved" />
      {save.isSuccess && !save.isPending ? (
        <p className="banner banner--good" role="status">
          Saved.
        </p>
      ) : null}
      <label className="checkbox">
        <input type="checkbox" checked={email} onChange={(event) => setEmail(event.target.checked)} />
        <span>Email the people a task is for when it opens, is reassigned or escalates</span>
      </label>
      <p className="field__hint">Sent only when the server has a mail server configured.</p>
      <TextField
        label="Webhook URL"
        path="webhook_url"
        errors={errors}
        type="url"
        placeholder="https://hooks.example.com/crossdock"
        hint="Each announcement is POSTed here as JSON, retried with backoff; empty for none."
        value={webhookUrl}
        onValue={setWebhookUrl}
      />
      <fieldset className="connector-form__group">
        <legend className="field__label">
          Signing secret{" "}
          <span data-testid="webhook-secret-state">
            {settings.webhook_secret_set ? <Badge tone="good">set</Badge> : <Badge>not set</Badge>}
          </span>
        </legend>
        {settings.webhook_secret_set ? (
          <label className="field">
            <span className="field__label">The secret</span>
            <select value={secretChange} onChange={(event) => setSecretChange(event.target.value as SecretChange)}>
              <option value="keep">Keep the stored secret</option>
              <option value="replace">Replace it</option>
              <option value="remove">Remove it (deliveries unsigned)</option>
            </select>
          </label>
        ) : null}
        {secretChange === "replace" ? (
          <TextField
            label={settings.webhook_secret_set ? "New secret" : "Secret (optional)"}
            path="webhook_secret"
            errors={errors}
            type="password"
            autoComplete="new-password"
            hint="16 characters or more. Deliveries carry X-Crossdock-Signature: sha256=HMAC of “timestamp.body”. It is never shown again."
            value={secret}
            onValue={setSecret}
          />
        ) : null}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save notifications"}
        </button>
      </div>
    </form>
  );
}
