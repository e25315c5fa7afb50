import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { MappingTrialResult } from "../contract.ts";
import { CodeEditor } from "../policies/code-editor.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { TextBlock } from "./json-block.tsx";
import { ProblemList } from "./problem-list.tsx";
import { tryMapping } from "./source-queries.ts";

/** Where the mapping tried comes from: the draft being edited (when it reads as JSON), or the saved source's. */
export type TrialMapping = { mapping: Record<string, unknown> } | { source: string } | { problem: string };

/**
 * A payload tried against a mapping before it is saved (or the source's as saved): the records it
 * would write, or the problems quarantine would show, each at its payload path. Nothing is written.
 */
export function MappingTrial({
  mapping,
  sourceSystem,
  example,
}: {
  mapping: () => TrialMapping;
  sourceSystem: string;
  example: unknown;
}) {
  const [payload, setPayload] = useState(() => (example === undefined ? "{}" : JSON.stringify(example, null, 2)));
  const [local, setLocal] = useState<string | null>(null);
  const trial = useMutation({
    mutationFn: ({ of, value }: { of: { mapping: Record<string, unknown> } | { source: string }; value: unknown }) =>
      tryMapping({ ...of, payload: value, source_system: sourceSystem }),
  });
  const run = () => {
    let value: unknown;
    try {
      value = JSON.parse(payload);
    } catch (error) {
      setLocal(`The payload is not JSON: ${(error as Error).message}`);
      return;
    }
    const of = mapping();
    if ("problem" in of) {
      setLocal(of.problem);
      return;
    }
    setLocal(null);
    trial.mutate({ of, value });
  };
  return (
    <details className="mapping-trial" data-testid="mapping-trial">
      <summary>Try a payload</summary>
      <CodeEditor id="mapping-trial-payload" label="Payload (JSON)" value={payload} onChange={setPayload} rows={10} />
      <div className="form-actions">
        <button type="button" className="button" onClick={run} disabled={trial.isPending}>
          {trial.isPending ? "Trying…" : "Try it"}
        </button>
        <span className="small muted">Nothing is written.</span>
      </div>
      {local ? (
        <p className="banner banner--error" role="alert">
          {local}
        </p>
      ) : null}
      <ErrorBanner error={trial.error} title="Not tried" />
      {trial.data && !local ? <TrialOutcome result={trial.data} /> : null}
    </details>
  );
}

function TrialOutcome({ result }: { result: MappingTrialResult }) {
  if (result.problems.length > 0) {
    return (
      <ProblemList
        title="It would be quarantined"
        problems={result.problems.map((problem) => ({ ...problem, line: null }))}
        testId="mapping-trial-problems"
      />
    );
  }
  if (result.records.length === 0) {
    return (
      <p className="banner banner--info" role="status">
        The mapping ignores this payload: it would be processed, writing nothing.
      </p>
    );
  }
  return (
    <div data-testid="mapping-trial-records">
      <p className="banner banner--good" role="status">
        It maps to {result.records.length} {result.records.length === 1 ? "record" : "records"}:{" "}
        {result.records.map((record) => record.type.replaceAll("_", " ")).join(", ")}.
      </p>
      {result.records.map((record) => (
        <TextBlock
          key={`${record.type}:${String(record.row.external_id)}`}
          label={`${record.type}${record.merge ? " (merged into the stored one)" : ""}`}
          text={JSON.stringify(record.row, null, 2)}
        />
      ))}
    </div>
  );
}
