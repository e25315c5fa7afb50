import type { ReactNode } from "react";
import { Dialog } from "./dialog.tsx";
import { ErrorBanner } from "./error-banner.tsx";

/**
 * Asks before something that cannot be taken back (revoke, delete, end): what will happen, the
 * server's refusal if any, and a danger button beside Cancel.
 */
export function ConfirmDialog({
  open,
  title,
  confirmLabel,
  pendingLabel,
  pending,
  error,
  onConfirm,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <div>
        <p>{children}</p>
        <ErrorBanner error={error} />
        <div className="form-actions">
          <button type="button" className="button button--danger" disabled={pending} onClick={onConfirm}>
            {pending ? pendingLabel : confirmLabel}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Dialog>
  );
}
