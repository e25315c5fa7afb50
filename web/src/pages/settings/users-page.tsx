import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { RoleInfo, User } from "../../contract.ts";
import { useCan, useMe } from "../../session/me.ts";
import { EditUserForm } from "../../settings/edit-user-form.tsx";
import { InviteUserForm } from "../../settings/invite-user-form.tsx";
import { rolesQuery, usersQuery } from "../../settings/settings-queries.ts";
import { Badge } from "../../ui/badge.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { TimeAgo } from "../../ui/time-ago.tsx";

export function UsersPage() {
  const me = useMe();
  const can = useCan();
  const users = useQuery(usersQuery);
  const roles = useQuery(rolesQuery);
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const isAdmin = can("users:admin");
  const grantable = (role: RoleInfo) => role.scopes.every((scope) => me.scopes.includes(scope));
  const roleLabel = (name: string) => roles.data?.data.find((role) => role.name === name)?.label ?? name;
  return (
    <>
      <PageHeader
        title="Users and roles"
        subtitle="Who can sign in to this tenant, and what their roles let them do."
        windowTitle="Users"
        actions={
          isAdmin ? (
            <button type="button" className="button button--primary" onClick={() => setInviting(true)}>
              Invite user
            </button>
          ) : null
        }
      />
      <ErrorBanner error={users.error ?? roles.error} />
      {users.isPending ? <Loading /> : null}
      {users.data ? (
        <div className="table-wrap">
          <table className="table" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Roles</th>
                <th scope="col">Status</th>
                <th scope="col">Last sign-in</th>
                {isAdmin ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {users.data.data.map((user) => (
                <tr key={user.id}>
                  <td>{user.name}</td>
                  <td>{user.email}</td>
                  <td>
                    {user.roles.map((role) => (
                      <Badge key={role}>{roleLabel(role)}</Badge>
                    ))}
                  </td>
                  <td>
                    <Badge tone={user.status === "active" ? "good" : "bad"}>{user.status}</Badge>
                    {user.invitation_pending ? <Badge tone="warn">invited</Badge> : null}
                  </td>
                  <td>
                    {user.last_sign_in_at ? <TimeAgo value={user.last_sign_in_at} /> : <span className="muted">never</span>}
                  </td>
                  {isAdmin ? (
                    <td>
                      <button type="button" className="button button--small" onClick={() => setEditing(user)}>
                        Edit<span className="visually-hidden"> {user.email}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {roles.data ? <RolesTable roles={roles.data.data} /> : null}
      <Dialog open={inviting} title="Invite a user" onClose={() => setInviting(false)}>
        <InviteUserForm roles={roles.data?.data ?? []} grantable={grantable} onDone={() => setInviting(false)} />
      </Dialog>
      <Dialog open={editing !== null} title={`Edit ${editing?.name ?? ""}`} onClose={() => setEditing(null)}>
        {editing ? (
          <EditUserForm
            user={editing}
            roles={roles.data?.data ?? []}
            grantable={grantable}
            isSelf={editing.id === me.user?.id}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
    </>
  );
}

function RolesTable({ roles }: { roles: readonly RoleInfo[] }) {
  return (
    <details className="panel roles-reference">
      <summary>What each role can do</summary>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">For</th>
            <th scope="col">Scopes</th>
          </tr>
        </thead>
        <tbody>
          {roles.map((role) => (
            <tr key={role.name}>
              <td>{role.label}</td>
              <td>{role.description}</td>
              <td className="mono small">{role.scopes.join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
