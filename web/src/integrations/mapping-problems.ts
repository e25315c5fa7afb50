import { isApiError } from "../api/api-error.ts";
import { lineOfPath } from "./json-lines.ts";
import { type MappingDraft, type MappingProblem, specPathOf } from "./mapping-draft.ts";

/** The problems an API error names in the mapping (`mapping.…`), each with its line in the draft's JSON. */
export function mappingProblemsOf(error: unknown, draft: MappingDraft): MappingProblem[] {
  if (!isApiError(error)) return [];
  return error.details.flatMap((detail) => {
    const path = detail.path === undefined ? null : specPathOf(detail.path);
    if (path === null) return [];
    return [{ path, message: detail.message, line: draft.mode === "custom" ? lineOfPath(draft.text, path) : null }];
  });
}
