import { type ReactNode, type SelectHTMLAttributes, useId, useRef, useState } from "react";
import type { Person } from "../contract.ts";
import type { People } from "./people.ts";
import { type PersonSearch, searchStatus, usePersonSearch } from "./person-search.ts";

const byDefault = (person: Person) => `${person.name} (${person.email})`;

/**
 * A search box for a people directory cut off at its first page, with what it found said under it
 * (Enter moves on to the list). Nothing when the directory holds everyone.
 */
export function PersonSearchBox({
  label,
  people,
  text,
  onText,
  search,
  onEnter,
}: {
  label: string;
  people: People;
  text: string;
  onText: (text: string) => void;
  search: PersonSearch;
  onEnter?: () => void;
}) {
  const statusId = useId();
  if (people.complete) return null;
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        type="search"
        value={text}
        autoComplete="off"
        placeholder="A name or an email"
        aria-describedby={statusId}
        onChange={(event) => onText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== "Enter") return;
          // Enter would submit the form; here it means "these are the people I want to choose from".
          event.preventDefault();
          onEnter?.();
        }}
      />
      <span id={statusId} className="field__hint" role="status">
        {searchStatus(search, people.active?.length ?? 0)}
      </span>
    </label>
  );
}

/**
 * Picks one person: a list of the directory, and in a tenant with more people than its first page,
 * a search box above it that asks the server. The person chosen stays in the list whatever is searched.
 */
export function PersonPicker({
  label,
  searchLabel,
  people,
  value,
  onChange,
  exclude,
  describe = byDefault,
  placeholder,
  required,
  selectProps,
  children,
}: {
  label: string;
  /** The search box's label: "Find a colleague". */
  searchLabel: string;
  people: People;
  value: string;
  onChange: (id: string) => void;
  /** Who is not to be offered (e.g. the person delegating). */
  exclude?: string;
  describe?: (person: Person) => string;
  placeholder?: string;
  required?: boolean;
  selectProps?: Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange" | "required">;
  /** Under the list: a field error. */
  children?: ReactNode;
}) {
  const [text, setText] = useState("");
  const search = usePersonSearch(people, text);
  const list = useRef<HTMLSelectElement>(null);
  const offered = search.results.filter((person) => person.id !== exclude);
  const chosenElsewhere = value !== "" && !offered.some((person) => person.id === value);
  const chosen = chosenElsewhere ? people.find(value) : undefined;
  return (
    <>
      <PersonSearchBox
        label={searchLabel}
        people={people}
        text={text}
        onText={setText}
        search={search}
        onEnter={() => list.current?.focus()}
      />
      <label className="field">
        <span className="field__label">{label}</span>
        <select ref={list} required={required} value={value} onChange={(event) => onChange(event.target.value)} {...selectProps}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {chosenElsewhere ? <option value={value}>{chosen ? describe(chosen) : people.nameOf(value)}</option> : null}
          {offered.map((person) => (
            <option key={person.id} value={person.id}>
              {describe(person)}
            </option>
          ))}
        </select>
        {children}
      </label>
    </>
  );
}
