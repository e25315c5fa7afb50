import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { Source } from "../contract.ts";
import { FieldError, fieldErrors, invalidProps } from "../settings-workflows/field-errors.tsx";
import { TextField } from "../settings-workflows/text-field.tsx";
import { EMPTY_FILE_DROP, FILE_MAPPING_START, type FileDropDraft, fileDropInput } from "./file-drop-draft.ts";
import { FileDropLocationFields } from "./file-drop-location-fields.tsx";
import { SourceForm } from "./source-form.tsx";
import { SourceIdentityFields } from "./source-identity-fields.tsx";
import { createFileDrop } from "./source-queries.ts";
import { useMappingDraft } from "./use-mapping-draft.ts";

/** The API paths this form shows a field for; a problem elsewhere goes in the banner. */
const PATHS = [
  "name",
  "system",
  "source_system",
  "mapping",
  "format",
  "format.delimiter",
  "format.header_row",
  "format.sheet",
  "format.group_by",
  "location",
  "location.folder",
  "location.host",
  "location.port",
  "location.username",
  "location.password",
  "location.private_key",
  "location.passphrase",
  "location.host_fingerprint",
  "pattern",
  "settle_seconds",
];

const FORMATS: { value: FileDropDraft["format"]; label: string }[] = [
  { value: "csv", label: "CSV (or other delimited text)" },
  { value: "xlsx", label: "Excel workbook (.xlsx)" },
  { value: "jsonl", label: "JSON Lines (.jsonl, .ndjson)" },
];

/**
 * A file drop: a folder on this server or on SFTP watched for exports, the files' format, and how
 * each row becomes records. Each file is imported once and moved to processed/ or failed/ with a report.
 */
export function NewFileDropForm({ onCreated }: { onCreated: (source: Source) => void }) {
  const queryClient = useQueryClient();
  const mapping = useMappingDraft({ mode: "custom", text: FILE_MAPPING_START });
  const formatId = useId();
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
  const errors = fieldErrors(create.error, PATHS);
  const formatError = errors.at("format");
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
      <fieldset className="source-form__fields">
        <legend className="field__label">Files</legend>
        <label className="field">
          <span className="field__label">Format</span>
          <select
            value={draft.format}
            onChange={(event) => set("format")(event.target.value as FileDropDraft["format"])}
            {...invalidProps(formatId, formatError)}
          >
            {FORMATS.map((format) => (
              <option key={format.value} value={format.value}>
                {format.label}
              </option>
            ))}
          </select>
          <FieldError id={formatId} message={formatError} />
        </label>
        {draft.format === "csv" ? (
          <TextField
            label="Delimiter (optional)"
            path="format.delimiter"
            errors={errors}
            autoComplete="off"
            maxLength={4}
            hint="Left empty, the most frequent of , ; tab and | in the header line."
            value={draft.delimiter}
            onValue={set("delimiter")}
          />
        ) : null}
        {draft.format === "xlsx" ? (
          <TextField
            label="Sheet (optional)"
            path="format.sheet"
            errors={errors}
            autoComplete="off"
            hint="Left empty, the workbook's first sheet."
            value={draft.sheet}
            onValue={set("sheet")}
          />
        ) : null}
        {draft.format !== "jsonl" ? (
          <TextField
            label="Header row"
            path="format.header_row"
            errors={errors}
            inputMode="numeric"
            hint="The line that names the columns; lines above it are skipped."
            value={draft.headerRow}
            onValue={set("headerRow")}
          />
        ) : null}
        <TextField
          label="Group rows by (optional)"
          path="format.group_by"
          errors={errors}
          autoComplete="off"
          placeholder="Order No"
          hint="Columns, comma-separated: consecutive rows that agree on them are one payload, all of them under rows (an order and its lines)."
          value={draft.groupBy}
          onValue={set("groupBy")}
        />
        <TextField
          label="File names (optional)"
          path="pattern"
          errors={errors}
          autoComplete="off"
          placeholder="items-*.csv"
          hint="Which files are taken, with * and ?. Left empty, by the format's extensions."
          value={draft.pattern}
          onValue={set("pattern")}
        />
        <TextField
          label="Settle seconds"
          path="settle_seconds"
          errors={errors}
          inputMode="numeric"
          hint="A file is taken once its size has held this long (or at once when renamed from .part)."
          value={draft.settleSeconds}
          onValue={set("settleSeconds")}
        />
      </fieldset>
      <FileDropLocationFields draft={draft} errors={errors} set={set} />
    </SourceForm>
  );
}
