import { useEffect, useRef } from "react";

export type ReviewKeyActions = {
  move(by: 1 | -1): void;
  edit(): void;
  approve(): void;
  reject(): void;
  next(): void;
};

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName));

const isControl = (target: EventTarget | null) =>
  target instanceof HTMLElement && ["BUTTON", "A", "SUMMARY"].includes(target.tagName);

/**
 * The review page's keys — j/k or ↓/↑ move, Enter edits, a approves, r rejects, n skips — taken
 * only when no field, open dialog or button has them; `reviewer` false leaves only moving and skipping.
 */
export function useReviewKeys(reviewer: boolean, actions: ReviewKeyActions): void {
  const latest = useRef({ reviewer, actions });
  latest.current = { reviewer, actions };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      const { reviewer, actions } = latest.current;
      const take = (action: () => void) => {
        event.preventDefault();
        action();
      };
      switch (event.key) {
        case "j":
        case "ArrowDown":
          return take(() => actions.move(1));
        case "k":
        case "ArrowUp":
          return take(() => actions.move(-1));
        case "n":
          return take(actions.next);
        case "Enter":
          if (reviewer && !isControl(event.target)) take(actions.edit);
          return;
        case "a":
          if (reviewer) take(actions.approve);
          return;
        case "r":
          if (reviewer) take(actions.reject);
          return;
        default:
          return;
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
