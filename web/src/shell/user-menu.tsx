import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fieldLabel } from "../records/labels.ts";
import { useMe } from "../session/me.ts";
import { signOut } from "../session/sign-out.ts";

export function UserMenu() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const name = me.user?.name ?? me.actor.label ?? me.actor.id;
  return (
    <div className="topbar__user">
      <span className="topbar__user-name" title={me.user?.email}>
        {name}
        {me.user ? <span className="topbar__roles"> · {me.user.roles.map(fieldLabel).join(", ")}</span> : null}
      </span>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await signOut(queryClient, me.tenant?.slug);
        }}
      >
        Sign out
      </button>
    </div>
  );
}
