import { useState } from "react";
import { fieldLabel } from "../records/labels.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isScalar = (value: Json | undefined) => value === null || ["string", "number", "boolean"].includes(typeof value);

/** Keeps a field's type as the person edits it: a number stays a number. */
function coerce(previous: Json | undefined, text: string): Json {
  if (typeof previous === "number") {
    const number = Number(text);
    return text.trim() === "" || Number.isNaN(number) ? text : number;
  }
  if (previous === null && text === "") return null;
  return text;
}

/** The top-level fields that differ between the proposal and its edited copy: what is sent as `edits`. */
export function proposalEdits(original: JsonObject, edited: JsonObject): JsonObject | undefined {
  const changed = Object.keys(edited).filter((key) => JSON.stringify(edited[key]) !== JSON.stringify(original[key]));
  return changed.length > 0 ? Object.fromEntries(changed.map((key) => [key, edited[key] as Json])) : undefined;
}

function ScalarInput({
  label,
  value,
  onChange,
  readOnly,
}: {
  label: string;
  value: Json;
  onChange: (value: Json) => void;
  readOnly: boolean;
}) {
  if (typeof value === "boolean") {
    return (
      <input
        type="checkbox"
        aria-label={label}
        checked={value}
        disabled={readOnly}
        onChange={(event) => onChange(event.target.checked)}
      />
    );
  }
  const text = value === null ? "" : String(value);
  if (text.length > 80 || text.includes("\n")) {
    return (
      <textarea
        aria-label={label}
        value={text}
        rows={Math.min(12, text.split("\n").length + 1)}
        readOnly={readOnly}
        onChange={(event) => onChange(coerce(value, event.target.value))}
      />
    );
  }
  return (
    <input
      aria-label={label}
      value={text}
      readOnly={readOnly}
      size={Math.max(6, Math.min(30, text.length + 2))}
      inputMode={typeof value === "number" ? "decimal" : undefined}
      onChange={(event) => onChange(coerce(value, event.target.value))}
    />
  );
}

function RowsTable({
  name,
  rows,
  onChange,
  readOnly,
}: {
  name: string;
  rows: JsonObject[];
  onChange: (rows: JsonObject[]) => void;
  readOnly: boolean;
}) {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return (
    <div className="table-wrap">
      <table className="table table--compact table--edit" data-testid={`proposal-${name}`}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {fieldLabel(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            // Rows are positions in the proposal; there is no other identity to key them by.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={index}>
              {columns.map((column) => (
                <td key={column}>
                  {isScalar(row[column]) ? (
                    <ScalarInput
                      label={`${fieldLabel(name)} ${index + 1} ${fieldLabel(column)}`}
                      value={row[column] ?? null}
                      readOnly={readOnly}
                      onChange={(value) =>
                        onChange(rows.map((candidate, at) => (at === index ? { ...candidate, [column]: value } : candidate)))
                      }
                    />
                  ) : (
                    <code className="json-inline">{JSON.stringify(row[column])}</code>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The proposal a task would write, for a person to check and correct before deciding: fields as
 * inputs, lists of lines as editable tables, nested parts (an email draft) as their own fields.
 * What changed is sent with the decision as `edits`; the flow checks it again against the records.
 */
export function ProposalEditor({
  proposal,
  readOnly,
  onChange,
}: {
  proposal: JsonObject;
  readOnly: boolean;
  onChange: (edited: JsonObject) => void;
}) {
  const [draft, setDraft] = useState<JsonObject>(proposal);
  const set = (key: string, value: Json) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    onChange(next);
  };
  return (
    <div className="proposal" data-testid="proposal-editor">
      {Object.entries(draft).map(([key, value]) => {
        if (key === "round") return null;
        if (Array.isArray(value) && value.every(isObject)) {
          return (
            <div key={key} className="proposal__section">
              <div className="field__label">{fieldLabel(key)}</div>
              <RowsTable name={key} rows={value as JsonObject[]} readOnly={readOnly} onChange={(rows) => set(key, rows)} />
            </div>
          );
        }
        if (isObject(value)) {
          return (
            <fieldset key={key} className="proposal__section proposal__group">
              <legend className="field__label">{fieldLabel(key)}</legend>
              {Object.entries(value).map(([inner, innerValue]) => (
                <div key={inner} className="field">
                  <span className="field__label">{fieldLabel(inner)}</span>
                  {isScalar(innerValue) ? (
                    <ScalarInput
                      label={`${fieldLabel(key)} ${fieldLabel(inner)}`}
                      value={innerValue}
                      readOnly={readOnly}
                      onChange={(next) => set(key, { ...value, [inner]: next })}
                    />
                  ) : (
                    <code className="json-inline">{JSON.stringify(innerValue)}</code>
                  )}
                </div>
              ))}
            </fieldset>
          );
        }
        return (
          <div key={key} className="field field--inline-row">
            <span className="field__label">{fieldLabel(key)}</span>
            {isScalar(value) ? (
              <ScalarInput label={fieldLabel(key)} value={value} readOnly={readOnly} onChange={(next) => set(key, next)} />
            ) : (
              <code className="json-inline">{JSON.stringify(value)}</code>
            )}
          </div>
        );
      })}
    </div>
  );
}
