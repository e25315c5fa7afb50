import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { FileDrop } from "../contract.ts";
import { FormErrorBanner, fieldErrors } from "../settings-workflows/field-errors.tsx";
import { draftOfFileDrop, type FileDropDraft, fileDropUpdate } from "./file-drop-draft.ts";
import { FILE_DROP_PATHS, FileDropFilesFields } from "./file-drop-files-fields.tsx";
import { FileDropLocationFields } from "./file-drop-location-fields.tsx";
import { updateFileDrop } from "./file-drop-queries.ts";

/**
 * Changes a file drop's files and where they are, on its source's page (its mapping is changed in
 * the mapping panel beside it). An SFTP password or key left empty keeps the one sealed before.
 */
export function EditFileDropForm({ drop, onDone }: { drop: FileDrop; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<FileDropDraft>(() => draftOfFileDrop(drop));
  const set =
    <K extends keyof FileDropDraft>(key: K) =>
    (value: FileDropDraft[K]) =>
      setDraft((old) => ({ ...old, [key]: value }));
  const save = useMutation({
    mutationFn: () => updateFileDrop(drop.id, fileDropUpdate(draft)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["ingest"] });
      onDone();
    },
  });
  const errors = fieldErrors(save.error, FILE_DROP_PATHS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="source-form" data-testid="edit-file-drop-form">
      <FormErrorBanner error={save.error} errors={errors} title="Not saved" />
      <FileDropFilesFields draft={draft} errors={errors} set={set} />
      <FileDropLocationFields draft={draft} errors={errors} set={set} keepsSecret={drop.location.type === "sftp"} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save changes"}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
