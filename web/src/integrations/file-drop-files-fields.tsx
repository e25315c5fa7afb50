import { useId } from "react";
import { FieldError, type FieldErrors, invalidProps } from "../settings-workflows/field-errors.tsx";
import { TextField } from "../settings-workflows/text-field.tsx";
import type { FileDropDraft } from "./file-drop-draft.ts";

type Setter = <K extends keyof FileDropDraft>(key: K) => (value: FileDropDraft[K]) => void;

/** The API paths of a drop's files and location, which its forms show at their fields. */
export const FILE_DROP_PATHS = [
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

/** A drop's files: their format, which are taken, and when. */
export function FileDropFilesFields({ draft, errors, set }: { draft: FileDropDraft; errors: FieldErrors; set: Setter }) {
  const formatId = useId();
  const formatError = errors.at("format");
  return (
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
  );
}
