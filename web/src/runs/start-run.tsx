import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import type { FlowInfo } from "../contract.ts";
import { Dialog } from "../ui/dialog.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { startRun } from "./run-queries.ts";

/** Start a run by hand: pick a flow, give its input as JSON (its schema is shown beside). */
export function StartRun({ flows }: { flows: readonly FlowInfo[] }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [flow, setFlow] = useState(flows[0]?.name ?? "");
  const [input, setInput] = useState("{\n}");
  const [parseError, setParseError] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: (parsed: Record<string, unknown>) => startRun(flow, parsed),
    onSuccess: async (run) => {
      await queryClient.invalidateQueries({ queryKey: ["runs"] });
      setOpen(false);
      await navigate({ to: "/workflows/runs/$runId", params: { runId: run.id } });
    },
  });
  const chosen = flows.find((candidate) => candidate.name === flow);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      const parsed = JSON.parse(input) as unknown;
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("the input is a JSON object");
      setParseError(null);
      start.mutate(parsed as Record<string, unknown>);
    } catch (error) {
      setParseError(`Not valid JSON: ${(error as Error).message}`);
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Start a run
      </button>
      <Dialog open={open} title="Start a run" onClose={() => setOpen(false)}>
        <form onSubmit={submit}>
          <label className="field">
            <span className="field__label">Flow</span>
            <select value={flow} onChange={(event) => setFlow(event.target.value)}>
              {flows.map((candidate) => (
                <option key={candidate.name} value={candidate.name}>
                  {candidate.title} (v{candidate.version})
                </option>
              ))}
            </select>
            {chosen ? <span className="field__hint">{chosen.description}</span> : null}
          </label>
          <label className="field">
            <span className="field__label">Input (JSON)</span>
            <textarea className="mono" rows={10} value={input} onChange={(event) => setInput(event.target.value)} />
          </label>
          {chosen ? (
            <details>
              <summary>The input's schema</summary>
              <pre className="json-block">{JSON.stringify(chosen.input_schema, null, 2)}</pre>
            </details>
          ) : null}
          {parseError ? <p className="banner banner--error">{parseError}</p> : null}
          <ErrorBanner error={start.error} title="Not started" />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={start.isPending}>
              Start
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
