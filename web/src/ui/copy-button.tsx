import { useState } from "react";

/** Copies `text`; `what` names it for screen readers where several sit side by side ("URL of erp-orders"). */
export function CopyButton({ text, label = "Copy", what }: { text: string; label?: string; what?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button button--small"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        } catch {
          // clipboard blocked (plain http, old browser): the text stays selectable on the page
        }
      }}
    >
      {copied ? "Copied" : label}
      {what ? <span className="visually-hidden"> {what}</span> : null}
    </button>
  );
}
