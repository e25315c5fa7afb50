import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Source } from "../contract.ts";
import { fieldErrors } from "../settings-workflows/field-errors.tsx";
import { EMPTY_FILE_DROP, FILE_MAPPING_START, type FileDropDraft, fileDropInput } from "./file-drop-draft.ts";
import { FILE_DROP_PATHS, FileDropFilesFields } from "./file-drop-files-fields.tsx";
import { FileDropLocationFields } from "./file-drop-location-fields.tsx";
import { SourceForm } from "./source-form.tsx";
import { SourceIdentityFields } from "./source-identity-fields.tsx";
import { createFileDrop } from "./source-queries.ts";
import { useMappingDraft } from "./use-mapping-draft.ts";

/**
 * A file drop: a folder on this server or on SFTP watched for exports, the files' format, and how
 * each row becomes records. Each file is imported once and moved to processed/ or failed/ with a report.
 */
export function NewFileDropForm({ onCreated }: { onCreated: (source: Source) => void }) {
  const queryClient = useQueryClient();
  const mapping = useMappingDraft({ mode: "custom", text: FILE_MAPPING_START });
  const [draft, setDraft] = useState<FileDropDraft>(EMPTY_FILE_DROP);
  const set =
    <K extends keyof FileDropDraft>(key: K) =>
    (value: FileDropDraft[K]) =>
      setDraft((old) => ({ ...old, [key]: value }));
  const create = useMutation({
    mutationFn: (spec: Record<string, unknown>) => createFileDrop(fileDropInput(draft, spec)),
    onSuccess: async (source) => {
      await queryClient.invalidateQueries({ queryKey: ["ingest", "sources"] });
      onCreated(source);
    },
  });
  const errors = fieldErrors(create.error, ["name", "system", "source_system", "mapping", ...FILE_DROP_PATHS]);
  return (
    <SourceForm mapping={mapping} create={create} errors={errors} testId="new-file-drop-form" addLabel="Add file drop">
      <div className="source-form__fields">
        <SourceIdentityFields
          value={draft}
          onChange={(identity) => setDraft((old) => ({ ...old, ...identity }))}
          errors={errors}
          what="drop"
          placeholder="erp-items"
        />
      </div>
      <FileDropFilesFields draft={draft} errors={errors} set={set} />
      <FileDropLocationFields draft={draft} errors={errors} set={set} />
    </SourceForm>
  );
}
