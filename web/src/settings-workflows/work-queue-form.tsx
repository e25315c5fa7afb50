import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { WorkQueue } from "../contract.ts";
import type { People } from "../people/people.ts";
import { PersonSearchBox } from "../people/person-picker.tsx";
import { usePersonSearch } from "../people/person-search.ts";
import { FormErrorBanner, fieldErrors } from "./field-errors.tsx";
import type { RoleChoice } from "./role-choices.ts";
import { TextField } from "./text-field.tsx";
import { saveWorkQueue } from "./work-queue-queries.ts";

const PATHS = ["name", "description", "roles", "user_ids"];

const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((item) => item !== value));

/** A queue's name (fixed once made), what it is for, and who its tasks go to: holders of its roles and its listed people. */
export function WorkQueueForm({
  queue,
  roles,
  people,
  onDone,
}: {
  queue: WorkQueue | null;
  roles: readonly RoleChoice[];
  people: People;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(queue?.name ?? "");
  const [description, setDescription] = useState(queue?.description ?? "");
  const [selectedRoles, setSelectedRoles] = useState<string[]>(queue?.roles ?? []);
  const [userIds, setUserIds] = useState<string[]>(queue?.user_ids ?? []);
  // Members stay listed while the form is open, ticked or not, whatever is searched.
  const [shown, setShown] = useState<string[]>(queue?.user_ids ?? []);
  const [text, setText] = useState("");
  const search = usePersonSearch(people, text);
  const save = useMutation({
    mutationFn: () =>
      saveWorkQueue({ name: name.trim(), description: description.trim(), roles: selectedRoles, user_ids: userIds }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["work-queues"] });
      onDone();
    },
  });
  const errors = fieldErrors(save.error, PATHS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  // Members the list does not show (disabled users, or no users:read) stay members.
  const listed = new Set((people.active ?? []).map((user) => user.id));
  const person = (id: string, name: string) => (
    <label key={id} className="checkbox">
      <input
        type="checkbox"
        checked={userIds.includes(id)}
        onChange={(event) => {
          setUserIds(toggle(userIds, id, event.target.checked));
          if (!shown.includes(id)) setShown([...shown, id]);
        }}
      />
      <span>{name}</span>
    </label>
  );
  return (
    <form onSubmit={submit} data-testid="work-queue-form">
      <FormErrorBanner error={save.error} errors={errors} title="Not saved" />
      <TextField
        label="Name"
        path="name"
        errors={errors}
        required
        disabled={queue !== null}
        placeholder="credit-holds"
        hint={queue ? "A queue keeps its name: tasks are assigned to it by name." : "Lowercase letters, digits and dashes."}
        value={name}
        onValue={setName}
      />
      <TextField label="What it is for" path="description" errors={errors} value={description} onValue={setDescription} />
      <fieldset className="checkbox-list checkbox-list--columns">
        <legend className="field__label">Roles whose holders work it</legend>
        {roles.map((role) => (
          <label key={role.name} className="checkbox">
            <input
              type="checkbox"
              checked={selectedRoles.includes(role.name)}
              onChange={(event) => setSelectedRoles(toggle(selectedRoles, role.name, event.target.checked))}
            />
            <span>{role.label}</span>
          </label>
        ))}
      </fieldset>
      {people.active && people.complete ? (
        <fieldset className="checkbox-list checkbox-list--columns">
          <legend className="field__label">And these people</legend>
          {people.active.map((user) => person(user.id, user.name))}
          {userIds
            .filter((id) => !listed.has(id))
            .map((id) => (
              <span key={id} className="muted small">
                {people.nameOf(id)} (not active)
              </span>
            ))}
        </fieldset>
      ) : people.active ? (
        // More people than the directory's first page: its members, then whoever a search finds.
        <fieldset className="checkbox-list">
          <legend className="field__label">And these people</legend>
          <PersonSearchBox label="Find people to add" people={people} text={text} onText={setText} search={search} />
          <div className="checkbox-list checkbox-list--columns">
            {shown.map((id) =>
              person(id, people.isActive(id) === false ? `${people.nameOf(id)} (not active)` : people.nameOf(id)),
            )}
            {search.results.filter((user) => !shown.includes(user.id)).map((user) => person(user.id, user.name))}
          </div>
        </fieldset>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : queue ? "Save queue" : "Create queue"}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
