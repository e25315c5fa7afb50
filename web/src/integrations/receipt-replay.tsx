import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type Ref, useImperativeHandle, useRef, useState } from "react";
import type { ReceiptDetail } from "../contract.ts";
import { CodeEditor, type CodeEditorHandle } from "../policies/code-editor.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { lineOfPath, parseJson, prettyPayload } from "./json-lines.ts";
import type { MappingProblem } from "./mapping-draft.ts";
import { ProblemList } from "./problem-list.tsx";
import { replayReceipt } from "./receipt-queries.ts";

export type ReceiptReplayHandle = { goTo(problem: MappingProblem): void };

/** Whether a payload is JSON by its content type (a webhook's are; other kinds of source may send text). */
const isJsonType = (contentType: string | null) => contentType === null || /json/i.test(contentType);

/** The payload the correction starts from: the last correction, or what the sender sent; pretty when it is JSON. */
const startingText = (receipt: ReceiptDetail) => prettyPayload(receipt.corrected_body ?? receipt.body).text;

/**
 * Sends a quarantined receipt through processing again: as it is (after its source's mapping was
 * fixed), or corrected in the editor, its reason's problems marked on their lines.
 */
export function ReceiptReplay({ receipt, ref }: { receipt: ReceiptDetail; ref?: Ref<ReceiptReplayHandle> }) {
  const queryClient = useQueryClient();
  const editor = useRef<CodeEditorHandle>(null);
  const [text, setText] = useState<string | null>(null);
  const [local, setLocal] = useState<MappingProblem | null>(null);
  const replay = useMutation({
    mutationFn: (body: string | undefined) => replayReceipt(receipt.id, body),
    onSuccess: async (next) => {
      setText(null);
      queryClient.setQueryData(["ingest", "receipts", "one", receipt.id], next);
      await queryClient.invalidateQueries({ queryKey: ["ingest"] });
    },
  });
  useImperativeHandle(ref, () => ({
    goTo(problem) {
      if (text === null) setText(startingText(receipt));
      if (problem.line !== null) {
        const line = problem.line;
        // The editor may only now be shown: go there once it is.
        requestAnimationFrame(() => editor.current?.goTo(line));
      }
    },
  }));
  const problems: MappingProblem[] =
    text === null
      ? []
      : local
        ? [local]
        : (receipt.reason?.problems ?? []).map((problem) => ({ ...problem, line: lineOfPath(text, problem.path) }));
  const send = () => {
    if (text === null) return;
    if (isJsonType(receipt.content_type)) {
      const parsed = parseJson(text);
      if (!parsed.ok) {
        const problem = { path: "", message: parsed.message, line: parsed.line };
        setLocal(problem);
        if (problem.line !== null) editor.current?.goTo(problem.line);
        return;
      }
    }
    setLocal(null);
    replay.mutate(text);
  };
  if (receipt.status !== "quarantined") return null;
  return (
    <section className="panel" aria-labelledby="replay-title" data-testid="receipt-replay">
      <h2 id="replay-title" className="panel__title">
        Replay
      </h2>
      <ErrorBanner error={replay.error} title="Not replayed" />
      {text === null ? (
        <>
          <p className="small">
            Replay it as it is once the{" "}
            <Link to="/integrations/sources/$sourceId" params={{ sourceId: receipt.source_id }} search={{}}>
              source's mapping
            </Link>{" "}
            is fixed, or correct the payload and replay the correction (what the sender sent is kept beside it).
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={replay.isPending}
              onClick={() => replay.mutate(undefined)}
            >
              {replay.isPending ? "Replaying…" : "Replay as is"}
            </button>
            <button type="button" className="button" onClick={() => setText(startingText(receipt))}>
              Correct the payload…
            </button>
          </div>
        </>
      ) : (
        <>
          <CodeEditor
            id={`correction-${receipt.id}`}
            label="Corrected payload"
            ref={editor}
            value={text}
            rows={18}
            problemLines={problems.flatMap((problem) => (problem.line === null ? [] : [problem.line]))}
            onChange={(next) => {
              setText(next);
              setLocal(null);
            }}
          />
          <ProblemList
            title={local ? "Not replayed" : "Why it was quarantined"}
            problems={problems}
            onPick={(problem) => problem.line !== null && editor.current?.goTo(problem.line)}
          />
          <div className="form-actions">
            <button type="button" className="button button--primary" disabled={replay.isPending} onClick={send}>
              {replay.isPending ? "Replaying…" : "Replay the corrected payload"}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setText(null);
                setLocal(null);
              }}
            >
              Cancel
            </button>
          </div>
        </>
      )}
    </section>
  );
}
