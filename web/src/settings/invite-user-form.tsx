import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/client.ts";
import { Invitation, type RoleInfo } from "../contract.ts";
import { CopyButton } from "../ui/copy-button.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { RolePicker } from "./role-picker.tsx";

/** Invite a colleague: they get an email (in the tenant's branding) with a link to set a password. */
export function InviteUserForm({
  roles,
  grantable,
  onDone,
}: {
  roles: readonly RoleInfo[];
  grantable: (role: RoleInfo) => boolean;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [selected, setSelected] = useState<string[]>([]);
  const invite = useMutation({
    mutationFn: () => api("POST", "/api/v1/users/invitations", { json: { email, name, roles: selected }, schema: Invitation }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
  if (invite.data) return <InvitationResult invitation={invite.data} onDone={onDone} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  return (
    <form onSubmit={submit}>
      <ErrorBanner error={invite.error} />
      <label className="field">
        <span className="field__label">Name</span>
        <input required value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">Email</span>
        <input type="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
      </label>
      <RolePicker roles={roles} selected={selected} grantable={grantable} onChange={setSelected} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={invite.isPending || selected.length === 0}>
          {invite.isPending ? "Inviting…" : "Send invitation"}
        </button>
      </div>
    </form>
  );
}

export function InvitationResult({ invitation, onDone }: { invitation: Invitation; onDone: () => void }) {
  return (
    <div data-testid="invitation-result">
      {invitation.email.status === "sent" ? (
        <p className="banner banner--good">
          Invitation emailed to {invitation.user.email}. The link works until {new Date(invitation.expires_at).toLocaleString()}.
        </p>
      ) : (
        <p className="banner banner--warn">
          {invitation.email.status === "not_configured"
            ? "Email is not set up on this server, so no email was sent."
            : `The email could not be sent: ${invitation.email.error}.`}{" "}
          Pass this link to {invitation.user.email} yourself; it works once, until{" "}
          {new Date(invitation.expires_at).toLocaleString()}.
        </p>
      )}
      {invitation.link ? (
        <div className="secret">
          <code data-testid="invitation-link">{invitation.link}</code>
          <CopyButton text={invitation.link} />
        </div>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
