import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { Loading } from "../ui/loading.tsx";
import { pageWordsQuery } from "./document-queries.ts";

type Box = { x0: number; y0: number; x1: number; y1: number };

/**
 * A size at which a word in the panel's monospaced font about fills its box: a character of it is
 * 0.6 em wide; a box's height is about three quarters of the font's size.
 */
function fontSizeOf(text: string, box: { width: number; height: number }): number {
  const byWidth = box.width / Math.max(1, text.length) / 0.6;
  return Math.max(4, Math.min(byWidth, box.height * 1.4));
}

/** The panel's width in CSS pixels: a page is scaled from its own width into it. */
export const PAGE_PANEL_WIDTH = 520;

/**
 * One page of a document as its words stand on it, each placed by its box (scaled from the page's
 * width into the panel), with the selected value's box marked — where that value was read.
 */
export function PageView({
  documentId,
  page,
  highlight,
  highlightLabel,
}: {
  documentId: string;
  page: number;
  /** The box to mark, on this page; null marks nothing. */
  highlight: Box | null;
  /** What the mark is: "Total", for screen readers and the test. */
  highlightLabel: string | null;
}) {
  const words = useQuery(pageWordsQuery(documentId, page));
  const markRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (highlight) markRef.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [highlight]);
  if (words.isPending) return <Loading label="Loading the page…" />;
  if (words.error) return <ErrorBanner error={words.error} title="The page could not be shown" />;
  const { width, height } = words.data;
  const scale = width > 0 ? PAGE_PANEL_WIDTH / width : 1;
  const at = (box: Box) => ({
    left: box.x0 * scale,
    top: box.y0 * scale,
    width: Math.max(1, (box.x1 - box.x0) * scale),
    height: Math.max(1, (box.y1 - box.y0) * scale),
  });
  return (
    <div
      className="doc-page"
      style={{ width: PAGE_PANEL_WIDTH, height: height * scale }}
      data-testid="document-page"
      role="img"
      aria-label={`Page ${page} as read${highlightLabel ? `, ${highlightLabel} marked` : ""}`}
    >
      {words.data.words.map((word) => {
        const place = at(word.box);
        return (
          <span
            key={`${word.start}-${word.end}`}
            className="doc-page__word"
            style={{ ...place, fontSize: fontSizeOf(word.text, place), lineHeight: `${place.height}px` }}
          >
            {word.text}
          </span>
        );
      })}
      {highlight ? (
        <div
          ref={markRef}
          className="doc-page__mark"
          style={(() => {
            const place = at(highlight);
            return { left: place.left - 2, top: place.top - 2, width: place.width + 4, height: place.height + 4 };
          })()}
          data-testid="page-highlight"
          data-field={highlightLabel ?? undefined}
        />
      ) : null}
    </div>
  );
}
