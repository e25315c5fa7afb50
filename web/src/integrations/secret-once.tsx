import type { ReactNode } from "react";
import { CopyButton } from "../ui/copy-button.tsx";

/** A signing secret as the API gives it, this once: copy it now, it cannot be seen again. */
export function SecretOnce({ secret, children }: { secret: string; children?: ReactNode }) {
  return (
    <div className="secret-once" data-testid="secret-once">
      <p className="banner banner--warn">Copy this signing secret now: it is shown once and cannot be seen again. {children}</p>
      <div className="secret">
        <code data-testid="signing-secret">{secret}</code>
        <CopyButton text={secret} label="Copy secret" />
      </div>
    </div>
  );
}
