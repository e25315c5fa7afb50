import { useEffect, useRef, useState } from "react";
import { Dialog } from "../ui/dialog.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";

/** Asks why a document is rejected: a rejection needs a reason (Ctrl+Enter sends it). */
export function RejectDialog({
  open,
  pending,
  error,
  onReject,
  onClose,
}: {
  open: boolean;
  pending: boolean;
  error: unknown;
  onReject: (comment: string) => void;
  onClose: () => void;
}) {
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  // The dialog opens to take the reason (after it has put focus on its first control).
  useEffect(() => {
    if (open) {
      setMissing(false);
      area.current?.focus();
    }
  }, [open]);
  const send = () => {
    if (!comment.trim()) setMissing(true);
    else if (!pending) onReject(comment.trim());
  };
  return (
    <Dialog open={open} title="Reject this document" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <label className="field">
          <span className="field__label">Why (the sender or a colleague will read it)</span>
          <textarea
            ref={area}
            rows={3}
            value={comment}
            aria-invalid={missing}
            onChange={(event) => {
              setComment(event.target.value);
              setMissing(false);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                send();
              }
            }}
          />
          {missing ? <span className="field__error">A rejection needs a reason.</span> : null}
        </label>
        <ErrorBanner error={error} title="Not rejected" />
        <div className="form-actions">
          <button type="submit" className="button button--danger" disabled={pending}>
            {pending ? "Rejecting…" : "Reject"}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
