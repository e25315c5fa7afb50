import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import type { Source, TradingPartner } from "../contract.ts";
import { FieldError, FormErrorBanner, fieldErrors } from "../settings-workflows/field-errors.tsx";
import { TextField } from "../settings-workflows/text-field.tsx";
import {
  draftOfPartner,
  type EdiPartnerDraft,
  EMPTY_EDI_PARTNER,
  ediPartnerInput,
  ediPartnerUpdate,
  INBOUND_SETS,
} from "./edi-partner-draft.ts";
import { EdiPartyFields } from "./edi-party-fields.tsx";
import { createEdiPartner, updateEdiPartner } from "./edi-queries.ts";

/** The API paths this form shows a field for; a problem elsewhere goes in the banner. */
const PATHS = [
  "name",
  ...["their", "ours"].flatMap((side) => [`${side}.qualifier`, `${side}.id`, `${side}.application_id`]),
  "sends",
  "source_system",
  "customer_external_id",
  "supplier_external_id",
  "currency",
  "inbox",
  "outbound",
];

/** Adds a trading partner (Integrations → Sources → Add source). */
export function NewEdiPartnerForm({ onCreated }: { onCreated: (source: Source) => void }) {
  return (
    <EdiPartnerForm
      initial={EMPTY_EDI_PARTNER}
      save={(draft) => createEdiPartner(ediPartnerInput(draft))}
      onSaved={onCreated}
      labels={{ submit: "Add trading partner", pending: "Adding…", failed: "Not added" }}
      testId="new-edi-partner-form"
    />
  );
}

/** Changes a trading partner's settings, on its source's page; its name stays. */
export function EditEdiPartnerForm({
  partner,
  onSaved,
  onCancel,
}: {
  partner: TradingPartner;
  onSaved: (partner: TradingPartner) => void;
  onCancel: () => void;
}) {
  return (
    <EdiPartnerForm
      initial={draftOfPartner(partner)}
      nameFixed
      save={(draft) => updateEdiPartner(partner.id, ediPartnerUpdate(draft))}
      onSaved={onSaved}
      onCancel={onCancel}
      labels={{ submit: "Save changes", pending: "Saving…", failed: "Not saved" }}
      testId="edit-edi-partner-form"
    />
  );
}

/**
 * A trading partner: who it is and who we are in its interchanges, what it sends, where its files
 * are dropped, and where the 997s answering it (and documents made for it) are written.
 */
function EdiPartnerForm<Saved>({
  initial,
  nameFixed = false,
  save,
  onSaved,
  onCancel,
  labels,
  testId,
}: {
  initial: EdiPartnerDraft;
  nameFixed?: boolean;
  save: (draft: EdiPartnerDraft) => Promise<Saved>;
  onSaved: (saved: Saved) => void;
  onCancel?: () => void;
  labels: { submit: string; pending: string; failed: string };
  testId: string;
}) {
  const queryClient = useQueryClient();
  const sendsId = useId();
  const [draft, setDraft] = useState<EdiPartnerDraft>(initial);
  const set =
    <K extends keyof EdiPartnerDraft>(key: K) =>
    (value: EdiPartnerDraft[K]) =>
      setDraft((old) => ({ ...old, [key]: value }));
  const saving = useMutation({
    mutationFn: () => save(draft),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["ingest"] });
      onSaved(saved);
    },
  });
  const errors = fieldErrors(saving.error, PATHS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    saving.mutate();
  };
  return (
    <form onSubmit={submit} className="source-form" data-testid={testId}>
      <FormErrorBanner error={saving.error} errors={errors} title={labels.failed} />
      <div className="source-form__fields">
        <TextField
          label="Name"
          path="name"
          errors={errors}
          required
          disabled={nameFixed}
          autoComplete="off"
          placeholder="acme-retail"
          hint="Lower-case letters, digits and dashes. It names the partner in receipts, the audit trail and metrics."
          value={draft.name}
          onValue={set("name")}
        />
        <TextField
          label="Records kept under (optional)"
          path="source_system"
          errors={errors}
          autoComplete="off"
          placeholder={draft.name.trim() ? `edi-${draft.name.trim()}` : "edi-<name>"}
          value={draft.sourceSystem}
          onValue={set("sourceSystem")}
        />
      </div>
      <EdiPartyFields
        legend="The partner"
        hint="As its interchanges name the sender (ISA05, ISA06, GS02)."
        path="their"
        party={draft.their}
        errors={errors}
        onChange={set("their")}
      />
      <EdiPartyFields
        legend="Us, to the partner"
        hint="As its interchanges name the receiver (ISA07, ISA08, GS03); what we send is signed the same way."
        path="ours"
        party={draft.ours}
        errors={errors}
        onChange={set("ours")}
      />
      <fieldset className="checkbox-list" aria-describedby={errors.at("sends") ? sendsId : undefined}>
        <legend className="field__label">It sends</legend>
        {INBOUND_SETS.map(({ set: code, label }) => (
          <label key={code} className="checkbox">
            <input
              type="checkbox"
              checked={draft.sends.includes(code)}
              onChange={(event) =>
                set("sends")(event.target.checked ? [...draft.sends, code] : draft.sends.filter((each) => each !== code))
              }
            />
            <span>{label}</span>
          </label>
        ))}
        <span className="field__hint">A set not ticked is rejected in the 997 that answers it.</span>
        <FieldError id={sendsId} message={errors.at("sends")} />
      </fieldset>
      <fieldset className="source-form__fields">
        <legend className="field__label">Its documents</legend>
        <TextField
          label="Customer it is (optional)"
          path="customer_external_id"
          errors={errors}
          autoComplete="off"
          hint="For its 850s and 860s when their N1*BY names none: the customer's external id."
          value={draft.customerExternalId}
          onValue={set("customerExternalId")}
        />
        <TextField
          label="Supplier it is (optional)"
          path="supplier_external_id"
          errors={errors}
          autoComplete="off"
          hint="For its 855s, 856s and 810s: the supplier's external id."
          value={draft.supplierExternalId}
          onValue={set("supplierExternalId")}
        />
        <TextField
          label="Currency"
          path="currency"
          errors={errors}
          autoComplete="off"
          maxLength={3}
          hint="When its documents carry no CUR segment."
          value={draft.currency}
          onValue={set("currency")}
        />
      </fieldset>
      <fieldset className="source-form__fields">
        <legend className="field__label">Files and acknowledgments</legend>
        <TextField
          label="Inbox folder (optional)"
          path="inbox"
          errors={errors}
          autoComplete="off"
          placeholder="acme/in"
          hint="Below the tenant's part of the EDI inbox; files dropped there are received once each. Left empty, it sends through the API."
          value={draft.inbox}
          onValue={set("inbox")}
        />
        <TextField
          label="Outbox folder (optional)"
          path="outbound"
          errors={errors}
          autoComplete="off"
          placeholder="acme/out"
          hint="Below the tenant's part of the EDI outbox, for a VAN or AS2 gateway to send on. Left empty, documents are kept for the API."
          value={draft.outbox}
          onValue={set("outbox")}
        />
        <label className="checkbox">
          <input type="checkbox" checked={draft.acknowledge} onChange={(event) => set("acknowledge")(event.target.checked)} />
          <span>Answer each functional group it sends with a 997</span>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.usage === "T"}
            onChange={(event) => set("usage")(event.target.checked ? "T" : "P")}
          />
          <span>Mark what we send as test data (ISA15 T)</span>
        </label>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving.isPending}>
          {saving.isPending ? labels.pending : labels.submit}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
