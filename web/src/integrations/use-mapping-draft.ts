import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { type MappingDraft, type MappingProblem, mappingOfDraft } from "./mapping-draft.ts";
import type { MappingEditorHandle } from "./mapping-editor.tsx";
import { mappingProblemsOf } from "./mapping-problems.ts";
import { readyMappingsQuery } from "./source-queries.ts";

/**
 * The mapping part of a form that adds a source: the ready mappings to offer, the draft being
 * edited (the first ready mapping until `start` or an edit says otherwise), and its problems —
 * found before asking (JSON that does not parse) or in the server's answer. `parse` gives the
 * mapping to send, or shows its problem in the editor and gives undefined.
 */
export function useMappingDraft(start?: MappingDraft) {
  const readyMappings = useQuery(readyMappingsQuery);
  const editor = useRef<MappingEditorHandle>(null);
  const [draft, setDraft] = useState<MappingDraft | null>(start ?? null);
  const [local, setLocal] = useState<MappingProblem | null>(null);
  const shown: MappingDraft = draft ?? { mode: "ready", ready: readyMappings.data?.data[0]?.name ?? "" };
  return {
    readyMappings,
    editor,
    draft: shown,
    problems: (error: unknown) => (local ? [local] : mappingProblemsOf(error, shown)),
    onChange(next: MappingDraft) {
      setDraft(next);
      setLocal(null);
    },
    parse(): Record<string, unknown> | undefined {
      const parsed = mappingOfDraft(shown);
      if (parsed.ok) {
        setLocal(null);
        return parsed.mapping;
      }
      setLocal(parsed.problem);
      editor.current?.focusProblem(parsed.problem);
      return undefined;
    },
  };
}
