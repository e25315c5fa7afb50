import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useMemo, useRef, useState } from "react";
import type { DocumentDetail, ReviewInput } from "../contract.ts";
import { useCan } from "../session/me.ts";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { documentFieldLabel, reasonText } from "./document-labels.ts";
import { documentQuery, reviewDocument, reviewQueueQuery } from "./document-queries.ts";
import { FailedChecks } from "./failed-checks.tsx";
import { nextInQueue } from "./next-in-queue.ts";
import { PageView } from "./page-view.tsx";
import { RejectDialog } from "./reject-dialog.tsx";
import {
  changedCount,
  draftOf,
  lineColumns,
  reviewInputOf,
  type Slot,
  slotsOf,
  slotValue,
  withSlotValue,
} from "./review-draft.ts";
import { ReviewFields } from "./review-fields.tsx";
import { useReviewKeys } from "./review-keys.ts";
import { ReviewLines } from "./review-lines.tsx";
import { ReviewRecord } from "./review-record.tsx";
import { ReviewShortcuts } from "./review-shortcuts.tsx";
import type { SlotBinding } from "./slot-binding.ts";

/**
 * A document under review: its page on one side with where the selected value was read; its failed
 * checks on top; its header fields and lines on the other side, each with its confidence, to be
 * corrected; the kind; Approve and Reject. Worked from the keyboard (j/k, Enter, a, r, n).
 */
export function ReviewWorkspace({ detail }: { detail: DocumentDetail }) {
  const can = useCan();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const reviewer = can("documents:review") && detail.status === "review";
  const slots = useMemo(() => slotsOf(detail), [detail]);
  const columns = useMemo(() => lineColumns(detail), [detail]);
  const [draft, setDraft] = useState(() => draftOf(detail));
  const [selected, setSelected] = useState(0);
  const [shownPage, setShownPage] = useState(detail.first_page);
  const [rejecting, setRejecting] = useState(false);
  const rows = useRef(new Map<string, HTMLElement>());
  const inputs = useRef(new Map<string, HTMLInputElement>());
  /** The value an edit started from, for Escape. */
  const editStart = useRef("");

  const goNext = async (decided: boolean) => {
    await queryClient.invalidateQueries({ queryKey: ["documents", "list"] });
    const queue = await queryClient.fetchQuery(reviewQueueQuery);
    const next = nextInQueue(
      queue.data.map((document) => document.id),
      detail.id,
      !decided,
    );
    const search = decided ? { decided: detail.id } : {};
    if (next) await navigate({ to: "/documents/$documentId", params: { documentId: next }, search });
    else await navigate({ to: "/documents/queue", search });
  };
  const review = useMutation({
    mutationFn: (input: ReviewInput) => reviewDocument(detail.id, input),
    onSuccess: async (decided) => {
      queryClient.setQueryData(documentQuery(detail.id).queryKey, decided);
      setRejecting(false);
      await queryClient.invalidateQueries({ queryKey: ["documents", "stats"] });
      await goNext(true);
    },
  });
  const approve = () => {
    if (!review.isPending) review.mutate(reviewInputOf(detail, draft, "approve"));
  };

  const current = slots[selected];
  const location = current?.read?.location ?? null;
  const page = location?.page ?? shownPage;
  const select = (index: number, focusRow: boolean) => {
    const slot = slots[index];
    if (!slot) return;
    setSelected(index);
    if (slot.read?.location) setShownPage(slot.read.location.page);
    if (focusRow) rows.current.get(slot.key)?.focus();
  };
  const leave = (slot: Slot) => rows.current.get(slot.key)?.focus();

  useReviewKeys(reviewer, {
    move: (by) => select(Math.min(slots.length - 1, Math.max(0, selected + by)), true),
    edit: () => {
      const input = current ? inputs.current.get(current.key) : undefined;
      input?.focus();
      input?.select();
    },
    approve,
    reject: () => setRejecting(true),
    next: () => void goNext(false),
  });

  const binding: SlotBinding = {
    draft,
    input: (slot, index) => ({
      ref: (element) => {
        if (element) inputs.current.set(slot.key, element);
        else inputs.current.delete(slot.key);
      },
      value: slotValue(draft, slot),
      readOnly: !reviewer,
      onFocus: () => {
        editStart.current = slotValue(draft, slot);
        select(index, false);
      },
      onChange: (event) => setDraft((before) => withSlotValue(before, slot, event.target.value)),
      // Enter keeps the value and goes back to moving; Escape undoes the edit.
      onKeyDown: (event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          leave(slot);
        } else if (event.key === "Escape") {
          event.preventDefault();
          setDraft((before) => withSlotValue(before, slot, editStart.current));
          leave(slot);
        }
      },
    }),
    row: (slot, index) => ({
      ref: (element) => {
        if (element) rows.current.set(slot.key, element);
        else rows.current.delete(slot.key);
      },
      tabIndex: -1,
      "data-slot": slot.key,
      "data-selected": index === selected ? "true" : undefined,
      onClick: () => select(index, false),
    }),
  };

  const changed = changedCount(slots, draft) + (draft.kind !== detail.kind ? 1 : 0);
  const pages = Array.from({ length: detail.last_page - detail.first_page + 1 }, (_, offset) => detail.first_page + offset);
  return (
    <>
      {detail.reasons.length > 0 && detail.status === "review" ? (
        <section className="banner banner--warn" aria-label="Why it waits" data-testid="review-reasons">
          <strong>Why it waits:</strong>
          <ul className="plain-list">
            {detail.reasons.map((reason) => (
              <li key={reason}>{reasonText(reason)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <FailedChecks checks={detail.checks} />
      {detail.status === "review" ? null : <ReviewRecord document={detail} />}
      {reviewer ? (
        <div className="doc-actions" data-testid="review-actions">
          <button type="button" className="button button--primary" disabled={review.isPending} onClick={approve}>
            {review.isPending && review.variables?.decision === "approve" ? "Approving…" : "Approve"} <kbd>a</kbd>
          </button>
          <button type="button" className="button button--danger" disabled={review.isPending} onClick={() => setRejecting(true)}>
            Reject… <kbd>r</kbd>
          </button>
          <button type="button" className="button" onClick={() => void goNext(false)}>
            Next in queue <kbd>n</kbd>
          </button>
          <span className="small muted" data-testid="changed-count">
            {changed === 0 ? "No corrections" : changed === 1 ? "1 correction" : `${changed} corrections`}
          </span>
        </div>
      ) : null}
      {rejecting ? null : <ErrorBanner error={review.error} title="Not decided" />}
      <div className="doc-review">
        <div className="doc-review__page">
          {pages.length > 1 ? (
            <nav className="doc-pages" aria-label="Pages">
              {pages.map((number) => (
                <button
                  key={number}
                  type="button"
                  className="button button--small"
                  aria-pressed={number === page}
                  onClick={() => setShownPage(number)}
                >
                  Page {number}
                </button>
              ))}
            </nav>
          ) : null}
          <PageView
            documentId={detail.id}
            page={page}
            highlight={location && location.page === page ? location.box : null}
            highlightLabel={current && location ? documentFieldLabel(current.field) : null}
          />
        </div>
        <div className="doc-review__values">
          <ReviewFields
            detail={detail}
            slots={slots}
            binding={binding}
            reviewer={reviewer}
            onKind={(kind) => setDraft((before) => ({ ...before, kind }))}
          />
          <ReviewLines detail={detail} columns={columns} slots={slots} binding={binding} />
          <ReviewShortcuts reviewer={reviewer} />
        </div>
      </div>
      <RejectDialog
        open={rejecting}
        pending={review.isPending}
        error={review.error}
        onReject={(comment) => review.mutate({ decision: "reject", comment })}
        onClose={() => setRejecting(false)}
      />
    </>
  );
}
