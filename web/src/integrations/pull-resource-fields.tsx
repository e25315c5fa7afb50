import { useId } from "react";
import { FieldError, type FieldErrors, invalidProps } from "../settings-workflows/field-errors.tsx";
import { TextField } from "../settings-workflows/text-field.tsx";
import { PAGING_PARAMETERS, type PullConnectorDraft } from "./pull-connector-draft.ts";

type Setter = <K extends keyof PullConnectorDraft>(key: K) => (value: PullConnectorDraft[K]) => void;

const PAGINGS: { value: PullConnectorDraft["paging"]; label: string }[] = [
  { value: "none", label: "One request a run" },
  { value: "cursor", label: "A cursor the answer names" },
  { value: "next_url", label: "The next page's address the answer names" },
  { value: "page", label: "Page numbers ({page} or {offset})" },
  { value: "updated_since", label: "Changed since the last item read ({updated_since})" },
];

/** The API path of a field of the draft's resource: the API names a resource's problems under its name. */
export const resourcePath = (draft: PullConnectorDraft, field: string) => `resources.${draft.resource.trim()}.${field}`;

/** A textarea with its label, hint and API error. */
function TextArea({
  label,
  path,
  errors,
  hint,
  value,
  onValue,
  placeholder,
}: {
  label: string;
  path: string;
  errors: FieldErrors;
  hint: string;
  value: string;
  onValue: (value: string) => void;
  placeholder?: string;
}) {
  const id = useId();
  const message = errors.at(path);
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <textarea
        rows={4}
        className="mono"
        value={value}
        placeholder={placeholder}
        onChange={(event) => onValue(event.target.value)}
        {...invalidProps(id, message)}
      />
      <span className="field__hint">{hint}</span>
      <FieldError id={id} message={message} />
    </label>
  );
}

/** What a REST connector reads: a path, its query, where the items are, and how pages follow each other. */
export function RestResourceFields({ draft, errors, set }: { draft: PullConnectorDraft; errors: FieldErrors; set: Setter }) {
  const pagingId = useId();
  const pagingError = errors.at(resourcePath(draft, "paging"));
  const choosePaging = (paging: PullConnectorDraft["paging"]) => {
    set("paging")(paging);
    const parameter = PAGING_PARAMETERS[paging];
    // The paging's placeholder is offered in a parameter, unless the query already holds it.
    const placeholder = parameter.slice(parameter.indexOf("{"));
    if (parameter && !draft.query.includes(placeholder)) set("query")(`${draft.query.trim()}\n${parameter}`.trim());
  };
  return (
    <>
      <TextField
        label="Path"
        path={resourcePath(draft, "path")}
        errors={errors}
        required
        autoComplete="off"
        placeholder="/orders"
        hint="Appended to the base URL."
        value={draft.path}
        onValue={set("path")}
      />
      <TextArea
        label="Query parameters (optional)"
        path={resourcePath(draft, "query")}
        errors={errors}
        placeholder={"status=open\nlimit={page_size}"}
        hint="One name=value a line. A value may hold {page_size}, {cursor}, {page}, {offset} or {updated_since}."
        value={draft.query}
        onValue={set("query")}
      />
      <TextField
        label="Items at"
        path={resourcePath(draft, "items_path")}
        errors={errors}
        autoComplete="off"
        hint="Where the answer holds the list: data, results.items; $ when the answer is the list."
        value={draft.itemsPath}
        onValue={set("itemsPath")}
      />
      <label className="field">
        <span className="field__label">Paging</span>
        <select
          value={draft.paging}
          onChange={(event) => choosePaging(event.target.value as PullConnectorDraft["paging"])}
          {...invalidProps(pagingId, pagingError)}
        >
          {PAGINGS.map((paging) => (
            <option key={paging.value} value={paging.value}>
              {paging.label}
            </option>
          ))}
        </select>
        <FieldError id={pagingId} message={pagingError} />
      </label>
      {draft.paging === "cursor" ? (
        <TextField
          label="Next cursor at"
          path={resourcePath(draft, "paging.next_cursor_path")}
          errors={errors}
          required
          autoComplete="off"
          placeholder="meta.next_cursor"
          value={draft.nextCursorPath}
          onValue={set("nextCursorPath")}
        />
      ) : null}
      {draft.paging === "next_url" ? (
        <TextField
          label="Next page's address at"
          path={resourcePath(draft, "paging.next_url_path")}
          errors={errors}
          required
          autoComplete="off"
          placeholder="links.next"
          value={draft.nextUrlPath}
          onValue={set("nextUrlPath")}
        />
      ) : null}
      {draft.paging === "page" ? (
        <TextField
          label="First page"
          path={resourcePath(draft, "paging.first_page")}
          errors={errors}
          inputMode="numeric"
          value={draft.firstPage}
          onValue={set("firstPage")}
        />
      ) : null}
      <TextField
        label="Changed-at field (optional)"
        path={resourcePath(draft, "incremental")}
        errors={errors}
        autoComplete="off"
        placeholder="updated_at"
        hint="Where each item says when it last changed: each run then reads only what changed since the last."
        value={draft.incrementalField}
        onValue={set("incrementalField")}
      />
      {draft.incrementalField.trim() ? (
        <TextField
          label="Read changes from (optional)"
          path={resourcePath(draft, "incremental.start")}
          errors={errors}
          autoComplete="off"
          placeholder="2026-01-01T00:00:00Z"
          hint="The first run's {updated_since}. Left empty, the first run reads everything."
          value={draft.incrementalStart}
          onValue={set("incrementalStart")}
        />
      ) : null}
    </>
  );
}

/** What a SQL connector reads: one SELECT, read in pages after the last row by its keyset columns. */
export function SqlResourceFields({ draft, errors, set }: { draft: PullConnectorDraft; errors: FieldErrors; set: Setter }) {
  return (
    <>
      <TextArea
        label="Query"
        path={resourcePath(draft, "query")}
        errors={errors}
        placeholder="select item_no, description, uom, list_price, updated_at from items"
        hint="One SELECT (or WITH … SELECT), without ORDER BY or LIMIT: Crossdock reads it in pages, after the last row read."
        value={draft.sql}
        onValue={set("sql")}
      />
      <TextField
        label="Keyset columns"
        path={resourcePath(draft, "cursor_columns")}
        errors={errors}
        required
        autoComplete="off"
        hint="Columns of the result, comma-separated, that order the rows and never repeat together, the change time first."
        value={draft.cursorColumns}
        onValue={set("cursorColumns")}
      />
    </>
  );
}
