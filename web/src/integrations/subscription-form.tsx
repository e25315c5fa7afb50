import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { WebhookSubscription, WebhookSubscriptionWithSecret } from "../contract.ts";
import { FormErrorBanner, fieldErrors } from "../settings-workflows/field-errors.tsx";
import { TextField } from "../settings-workflows/text-field.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { Loading } from "../ui/loading.tsx";
import { groupEventTypes, patternsOf, splitPatterns } from "./event-type-choice.ts";
import { EventTypesField } from "./event-types-field.tsx";
import { createSubscription, eventTypesQuery, updateSubscription } from "./webhook-queries.ts";

const PATHS = ["url", "event_types", "description"];

/**
 * A subscription's URL, event types and description: a new one (answered with its secret, shown
 * once by the caller), or changes to one.
 */
export function SubscriptionForm({
  subscription,
  onCreated,
  onSaved,
}: {
  subscription: WebhookSubscription | null;
  onCreated?: (created: WebhookSubscriptionWithSecret) => void;
  onSaved?: () => void;
}) {
  const queryClient = useQueryClient();
  const eventTypes = useQuery(eventTypesQuery);
  const [url, setUrl] = useState(subscription?.url ?? "");
  const [description, setDescription] = useState(subscription?.description ?? "");
  const [chosen, setChosen] = useState<ReadonlySet<string> | null>(null);
  const [other, setOther] = useState<string | null>(null);
  const groups = eventTypes.data ? groupEventTypes(eventTypes.data.data) : [];
  const initial = splitPatterns(subscription?.event_types ?? [], groups);
  const shownChosen = chosen ?? initial.chosen;
  const shownOther = other ?? initial.other;
  const save = useMutation({
    mutationFn: async () => {
      const event_types = patternsOf(shownChosen, shownOther);
      if (subscription) {
        await updateSubscription(subscription.id, { url: url.trim(), event_types, description: description.trim() || null });
        return null;
      }
      return createSubscription({
        url: url.trim(),
        event_types,
        ...(description.trim() ? { description: description.trim() } : {}),
      });
    },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ["webhooks"] });
      if (created) onCreated?.(created);
      else onSaved?.();
    },
  });
  if (eventTypes.isPending) return <Loading label="Loading the event types…" />;
  if (eventTypes.error) return <ErrorBanner error={eventTypes.error} title="The event types could not be loaded" />;
  const errors = fieldErrors(save.error, PATHS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} data-testid="subscription-form">
      <FormErrorBanner error={save.error} errors={errors} title="Not saved" />
      <TextField
        label="URL"
        path="url"
        errors={errors}
        required
        type="url"
        autoComplete="off"
        placeholder="https://erp.example.com/hooks/crossdock"
        hint="Where each event is POSTed, signed. No user name or password in it: the receiver checks the signature."
        value={url}
        onValue={setUrl}
      />
      <TextField
        label="Description (optional)"
        path="description"
        errors={errors}
        value={description}
        onValue={setDescription}
        placeholder="What receives it, and who looks after it"
      />
      <EventTypesField
        groups={groups}
        chosen={shownChosen}
        other={shownOther}
        onChosen={setChosen}
        onOther={setOther}
        error={errors.at("event_types")}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : subscription ? "Save subscription" : "Add subscription"}
        </button>
      </div>
    </form>
  );
}
