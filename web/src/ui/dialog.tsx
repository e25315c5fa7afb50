import { type ReactNode, useEffect, useRef } from "react";

/**
 * A modal on the native <dialog>: focus moves into it and is trapped, Escape closes it, and the
 * page behind is inert — what a keyboard user expects, without a library.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-label={title} onClose={onClose}>
      <div className="dialog__header">
        <h2 className="dialog__title">{title}</h2>
        <button type="button" className="button button--ghost" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      <div className="dialog__body">{open ? children : null}</div>
    </dialog>
  );
}
