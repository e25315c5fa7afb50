import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import type { People } from "../people/people.ts";
import { PersonPicker } from "../people/person-picker.tsx";
import { useCan, useMe } from "../session/me.ts";
import { createDelegation, dayBoundary } from "./delegation-queries.ts";
import { FieldError, FormErrorBanner, fieldErrors, invalidProps } from "./field-errors.tsx";
import { TextField } from "./text-field.tsx";

const PATHS = ["user_id", "delegate_user_id", "starts_at", "ends_at"];
const today = () => new Date().toLocaleDateString("en-CA");

/** "While I am away, from this day to that, my tasks go to this colleague" (or, for a task admin, someone else's). */
export function DelegationForm({ people, onDone }: { people: People; onDone: () => void }) {
  const id = useId();
  const me = useMe();
  const can = useCan();
  const queryClient = useQueryClient();
  const self = me.user?.id ?? "";
  const [userId, setUserId] = useState(self);
  const [delegate, setDelegate] = useState("");
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const create = useMutation({
    mutationFn: () =>
      createDelegation({
        ...(userId && userId !== self ? { user_id: userId } : {}),
        delegate_user_id: delegate.trim(),
        starts_at: dayBoundary(from, false),
        ends_at: dayBoundary(to, true),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["delegations"] });
      onDone();
    },
  });
  const errors = fieldErrors(create.error, PATHS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const whoseError = errors.at("user_id");
  const delegateError = errors.at("delegate_user_id");
  return (
    <form onSubmit={submit} data-testid="delegation-form">
      <FormErrorBanner error={create.error} errors={errors} title="Not delegated" />
      {can("tasks:admin") && people.active ? (
        <PersonPicker
          label="Whose tasks"
          searchLabel="Find a person"
          people={people}
          value={userId}
          onChange={setUserId}
          describe={(user) => (user.id === self ? `Mine (${user.name})` : user.name)}
          selectProps={invalidProps(`${id}-whose`, whoseError)}
        >
          <FieldError id={`${id}-whose`} message={whoseError} />
        </PersonPicker>
      ) : null}
      {people.active ? (
        <PersonPicker
          label="Go to"
          searchLabel="Find a colleague"
          people={people}
          value={delegate}
          onChange={setDelegate}
          exclude={userId}
          placeholder="Choose a colleague…"
          required
          selectProps={invalidProps(`${id}-delegate`, delegateError)}
        >
          <FieldError id={`${id}-delegate`} message={delegateError} />
        </PersonPicker>
      ) : people.loading ? (
        <label className="field">
          <span className="field__label">Go to</span>
          <select disabled value="">
            <option value="">Loading colleagues…</option>
          </select>
        </label>
      ) : (
        <TextField
          label="Go to (the colleague's user id)"
          path="delegate_user_id"
          errors={errors}
          required
          placeholder="usr_…"
          hint="The list of colleagues could not be loaded; ask an administrator for the id."
          value={delegate}
          onValue={setDelegate}
        />
      )}
      <div className="connector-form__pair">
        <TextField label="From" path="starts_at" errors={errors} type="date" required value={from} onValue={setFrom} />
        <TextField
          label="To (inclusive)"
          path="ends_at"
          errors={errors}
          type="date"
          required
          min={from}
          value={to}
          onValue={setTo}
        />
      </div>
      <p className="field__hint">
        Meanwhile they decide what you could decide; each decision says it was on your behalf. You keep your tasks too.
      </p>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={create.isPending || !delegate.trim() || !from || !to}>
          {create.isPending ? "Delegating…" : "Delegate"}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
