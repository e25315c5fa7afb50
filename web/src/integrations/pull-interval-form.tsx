import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { PullConnector } from "../contract.ts";
import { FormErrorBanner, fieldErrors } from "../settings-workflows/field-errors.tsx";
import { TextField } from "../settings-workflows/text-field.tsx";
import { updatePullConnector } from "./pull-connector-queries.ts";

/** How often a connector reads its resources, changed in place; the server refuses less than 10 s or more than a week at the field. */
export function PullIntervalForm({ connector }: { connector: PullConnector }) {
  const queryClient = useQueryClient();
  const [seconds, setSeconds] = useState(String(connector.interval_seconds));
  const save = useMutation({
    mutationFn: () => {
      const typed = seconds.trim();
      // Text that is not a number is sent as it is, for the server to say what is wrong at the field.
      const interval = /^\d+$/.test(typed) ? Number(typed) : typed;
      return updatePullConnector(connector.id, { interval_seconds: interval as number });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["ingest", "pull-connectors"] }),
  });
  const errors = fieldErrors(save.error, ["interval_seconds"]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="inline-form" data-testid="pull-interval-form">
      <FormErrorBanner error={save.error} errors={errors} title="Not changed" />
      <TextField
        label="Read every (seconds)"
        path="interval_seconds"
        errors={errors}
        inputMode="numeric"
        hint="Each resource is read again this long after its last run began."
        value={seconds}
        onValue={setSeconds}
      />
      <button type="submit" className="button" disabled={save.isPending || seconds === String(connector.interval_seconds)}>
        {save.isPending ? "Saving…" : "Change"}
      </button>
    </form>
  );
}
