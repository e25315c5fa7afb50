import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/client.ts";
import { Invitation, type RoleInfo, User } from "../contract.ts";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { InvitationResult } from "./invite-user-form.tsx";
import { RolePicker } from "./role-picker.tsx";

/** Change a user's name, roles or status; disabling signs them out everywhere at once. */
export function EditUserForm({
  user,
  roles,
  grantable,
  isSelf,
  onDone,
}: {
  user: User;
  roles: readonly RoleInfo[];
  grantable: (role: RoleInfo) => boolean;
  isSelf: boolean;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(user.name);
  const [selected, setSelected] = useState<string[]>(user.roles);
  const [status, setStatus] = useState(user.status);
  const save = useMutation({
    mutationFn: () =>
      api("PATCH", `/api/v1/users/${encodeURIComponent(user.id)}`, { json: { name, roles: selected, status }, schema: User }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["users"] });
      onDone();
    },
  });
  const resend = useMutation({
    mutationFn: () => api("POST", `/api/v1/users/${encodeURIComponent(user.id)}/invitations`, { schema: Invitation }),
  });
  if (resend.data) return <InvitationResult invitation={resend.data} onDone={onDone} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit}>
      <ErrorBanner error={save.error ?? resend.error} />
      <p className="muted">{user.email}</p>
      <label className="field">
        <span className="field__label">Name</span>
        <input required value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <RolePicker roles={roles} selected={selected} grantable={grantable} onChange={setSelected} />
      <label className="field">
        <span className="field__label">Status</span>
        <select value={status} disabled={isSelf} onChange={(event) => setStatus(event.target.value as User["status"])}>
          <option value="active">active</option>
          <option value="disabled">disabled — cannot sign in</option>
        </select>
        {isSelf ? <span className="field__hint">You cannot disable yourself.</span> : null}
      </label>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending || selected.length === 0}>
          {save.isPending ? "Saving…" : "Save"}
        </button>
        {user.invitation_pending ? (
          <button type="button" className="button" disabled={resend.isPending} onClick={() => resend.mutate()}>
            Send the invitation again
          </button>
        ) : null}
      </div>
    </form>
  );
}
