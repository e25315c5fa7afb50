import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useCan, useMe } from "../session/me.ts";
import { createDelegation, dayBoundary } from "./delegation-queries.ts";
import { FieldError, FormErrorBanner, fieldErrors, invalidProps } from "./field-errors.tsx";
import type { People } from "./people.ts";
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
  const choices = (people.active ?? []).filter((user) => user.id !== userId);
  const whoseError = errors.at("user_id");
  const delegateError = errors.at("delegate_user_id");
  return (
    <form onSubmit={submit} data-testid="delegation-form">
      <FormErrorBanner error={create.error} errors={errors} title="Not delegated" />
      {can("tasks:admin") && people.active ? (
        <label className="field">
          <span className="field__label">Whose tasks</span>
          <select value={userId} onChange={(event) => setUserId(event.target.value)} {...invalidProps(`${id}-whose`, whoseError)}>
            {people.active.map((user) => (
              <option key={user.id} value={user.id}>
                {user.id === self ? `Mine (${user.name})` : user.name}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-whose`} message={whoseError} />
        </label>
      ) : null}
      {people.active ? (
        <label className="field">
          <span className="field__label">Go to</span>
          <select
            required
            value={delegate}
            onChange={(event) => setDelegate(event.target.value)}
            {...invalidProps(`${id}-delegate`, delegateError)}
          >
            <option value="">Choose a colleague…</option>
            {choices.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name} ({user.email})
              </option>
            ))}
          </select>
          <FieldError id={`${id}-delegate`} message={delegateError} />
        </label>
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
