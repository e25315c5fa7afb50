import { useEffect, useMemo, useRef, useState } from "react";
import type { RecordType } from "../contract.ts";
import { FilterInput, paramLabel } from "./filter-input.tsx";
import { fieldLabel } from "./labels.ts";

/** How long typing must pause before the list is searched. */
const SEARCH_PAUSE_MS = 250;

/** Parameters of the list query that are not filters. */
const NOT_FILTERS = new Set(["q", "sort", "cursor", "page", "limit", "include", "total"]);

/**
 * The list's search box and filters. Filters come from the record type's contract (every field
 * marked filterable), so each type gets exactly the filters its API accepts.
 */
export function FilterBar({
  type,
  params,
  onChange,
}: {
  type: RecordType;
  params: Record<string, string>;
  onChange: (changes: Record<string, string | undefined>) => void;
}) {
  const searchable = type.listParams.find((param) => param.name === "q");
  const filters = useMemo(() => type.listParams.filter((param) => !NOT_FILTERS.has(param.name)), [type]);
  const [shown, setShown] = useState<string[]>(() => filters.filter((param) => params[param.name]).map((param) => param.name));
  useEffect(() => {
    setShown((current) => [...new Set([...current, ...filters.filter((p) => params[p.name]).map((p) => p.name)])]);
  }, [params, filters]);
  const available = filters.filter((param) => !shown.includes(param.name));
  return (
    <search className="filter-bar">
      {searchable ? <SearchBox type={type} value={params.q ?? ""} onSearch={(q) => onChange({ q: q || undefined })} /> : null}
      {shown.map((name) => {
        const param = filters.find((candidate) => candidate.name === name);
        if (!param) return null;
        return (
          <span key={name} className="filter-chip">
            <span className="filter-chip__label">{paramLabel(param)}</span>
            <FilterInput
              param={param}
              value={params[name] ?? ""}
              onChange={(value) => onChange({ [name]: value || undefined })}
            />
            <button
              type="button"
              className="filter-chip__remove"
              aria-label={`Remove filter ${paramLabel(param)}`}
              onClick={() => {
                setShown(shown.filter((other) => other !== name));
                onChange({ [name]: undefined });
              }}
            >
              ✕
            </button>
          </span>
        );
      })}
      {available.length > 0 ? (
        <label className="filter-bar__add">
          <span className="visually-hidden">Add a filter</span>
          <select
            value=""
            onChange={(event) => {
              if (event.target.value) setShown([...shown, event.target.value]);
            }}
          >
            <option value="">+ Filter</option>
            {available.map((param) => (
              <option key={param.name} value={param.name}>
                {paramLabel(param)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {Object.keys(params).some((name) => name === "q" || filters.some((param) => param.name === name)) ? (
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => {
            setShown([]);
            onChange(Object.fromEntries([["q", undefined], ...filters.map((param) => [param.name, undefined])]));
          }}
        >
          Clear all
        </button>
      ) : null}
    </search>
  );
}

function SearchBox({ type, value, onSearch }: { type: RecordType; value: string; onSearch: (q: string) => void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  // The latest callback, so a parent's re-render does not restart the pause after typing.
  const search = useRef(onSearch);
  search.current = onSearch;
  useEffect(() => {
    if (draft.trim() === value) return;
    const timer = setTimeout(() => search.current(draft.trim()), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft, value]);
  const fields = type.listParams.find((param) => param.name === "q")?.columns.map(fieldLabel);
  return (
    <label className="search-box">
      <span className="visually-hidden">Search {type.plural.replaceAll("_", " ")}</span>
      <input
        type="search"
        data-shortcut="search"
        placeholder={`Search: ${fields?.join(", ") ?? ""}   ( / )`}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") onSearch(draft.trim());
        }}
      />
    </label>
  );
}
