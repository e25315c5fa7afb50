import { useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { Dialog } from "../ui/dialog.tsx";

const GO_TO: Record<string, { path: string; label: string }> = {
  h: { path: "/", label: "Home" },
  d: { path: "/documents", label: "Documents" },
  r: { path: "/records", label: "Records" },
  a: { path: "/audit", label: "Audit" },
  s: { path: "/settings", label: "Settings" },
};

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName));

/** `/` to search, `g` then a letter to go somewhere, `?` for this list. */
export function KeyboardShortcuts() {
  const navigate = useNavigate();
  const [helpOpen, setHelpOpen] = useState(false);
  useEffect(() => {
    let pendingG = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === "/") {
        const search = document.querySelector<HTMLInputElement>("[data-shortcut='search']");
        if (search) {
          event.preventDefault();
          search.focus();
          search.select();
        }
        return;
      }
      if (event.key === "?") {
        setHelpOpen(true);
        return;
      }
      if (event.key === "g") {
        pendingG = Date.now();
        return;
      }
      const target = GO_TO[event.key];
      if (target && Date.now() - pendingG < 1500) {
        pendingG = 0;
        void navigate({ to: target.path });
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [navigate]);
  return (
    <Dialog open={helpOpen} title="Keyboard shortcuts" onClose={() => setHelpOpen(false)}>
      <dl className="shortcuts">
        {[
          { keys: ["/"], label: "Search this list" },
          ...Object.entries(GO_TO).map(([key, { label }]) => ({ keys: ["g", key], label: `Go to ${label}` })),
          { keys: ["?"], label: "This list" },
        ].map((row) => (
          <div key={row.label} className="shortcuts__row">
            <dt>
              {row.keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd>{row.label}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
