import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { DocumentSettings } from "../contract.ts";
import { useCan } from "../session/me.ts";
import { FormErrorBanner, fieldErrors } from "../settings-workflows/field-errors.tsx";
import { TextField } from "../settings-workflows/text-field.tsx";
import { aiProvidersQuery, documentSettingsQuery, saveDocumentSettings } from "./document-settings-queries.ts";

const PATHS = ["price_tolerance", "quantity_tolerance", "extractor"];

/** A fraction as the percent a person types ("0.01" → "1"), and back; NaN when it is no number. */
const percentOf = (fraction: number) => String(Number((fraction * 100).toFixed(4)));
const fractionOf = (percent: string) => (percent.trim() === "" ? Number.NaN : Number(percent) / 100);

/**
 * How documents are checked and read: the price and quantity tolerances a document may stray from
 * the records by before a person looks, and which engine reads them — the layout rules, or a model
 * through the tenant's AI provider (the rules read on when no provider is enabled or the model fails).
 */
export function DocumentSettingsForm({ settings }: { settings: DocumentSettings }) {
  const queryClient = useQueryClient();
  const can = useCan();
  const providers = useQuery({ ...aiProvidersQuery, enabled: can("ai:read") });
  const [price, setPrice] = useState(percentOf(settings.price_tolerance));
  const [quantity, setQuantity] = useState(percentOf(settings.quantity_tolerance));
  const [extractor, setExtractor] = useState<"rules" | "model">(settings.extractor ?? "rules");
  const save = useMutation({
    mutationFn: () =>
      saveDocumentSettings({ price_tolerance: fractionOf(price), quantity_tolerance: fractionOf(quantity), extractor }),
    onSuccess: (saved) => queryClient.setQueryData(documentSettingsQuery.queryKey, saved),
  });
  const errors = fieldErrors(save.error, PATHS);
  const enabled = providers.data?.data.filter((provider) => provider.enabled) ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="panel" onSubmit={submit} noValidate data-testid="document-settings-form">
      <FormErrorBanner error={save.error} errors={errors} title="Not saved" />
      {save.isSuccess && !save.isPending ? (
        <p className="banner banner--good" role="status">
          Saved.
        </p>
      ) : null}
      <TextField
        label="Price tolerance (%)"
        path="price_tolerance"
        errors={errors}
        inputMode="decimal"
        hint="How far a billed price may stand over the PO's cost, or a customer's price off their agreement, before a person looks."
        value={price}
        onValue={setPrice}
      />
      <TextField
        label="Quantity tolerance (%)"
        path="quantity_tolerance"
        errors={errors}
        inputMode="decimal"
        hint="How far a billed or shipped quantity may stand over what was received or is still to come."
        value={quantity}
        onValue={setQuantity}
      />
      <label className="field">
        <span className="field__label">Read documents with</span>
        <select value={extractor} onChange={(event) => setExtractor(event.target.value as "rules" | "model")}>
          <option value="rules">The layout rules (offline)</option>
          <option value="model">A model, through the AI provider</option>
        </select>
        <span className="field__hint">
          A model's reading is scored against the rules' and judged by the same checks and thresholds; each document says which
          engine read it.
        </span>
      </label>
      {extractor === "model" && providers.isSuccess && enabled.length === 0 ? (
        <p className="banner banner--warn" role="status" data-testid="no-ai-provider">
          No AI provider is enabled: documents are read by the rules until one is added (POST /api/v1/ai/providers).
        </p>
      ) : null}
      {extractor === "model" && enabled.length > 0 ? (
        <p className="field__hint" data-testid="ai-provider">
          Read by {enabled[0]?.name} ({enabled[0]?.default_model}).
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save document settings"}
        </button>
      </div>
    </form>
  );
}
