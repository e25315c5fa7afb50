import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useRef } from "react";
import { formatCount, formatTimestamp } from "../../format/format.ts";
import { TextBlock } from "../../integrations/json-block.tsx";
import { lineOfPath, prettyPayload } from "../../integrations/json-lines.ts";
import { ProducedRecords } from "../../integrations/produced-records.tsx";
import { QuarantineReasonView } from "../../integrations/quarantine-reason.tsx";
import { receiptQuery } from "../../integrations/receipt-queries.ts";
import { ReceiptReplay, type ReceiptReplayHandle } from "../../integrations/receipt-replay.tsx";
import { ReceiptStatusBadge } from "../../integrations/receipt-status.tsx";
import { sourceQuery } from "../../integrations/source-queries.ts";
import { useCan } from "../../session/me.ts";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { TimeAgo } from "../../ui/time-ago.tsx";

/** A payload as stored: pretty when it is JSON, as text otherwise, and said to be base64 when it is not text. */
function Payload({
  label,
  text,
  encoding,
  testId,
}: {
  label: string;
  text: string;
  encoding: "utf8" | "base64";
  testId: string;
}) {
  const shown = encoding === "base64" ? { json: false, text } : prettyPayload(text);
  return (
    <>
      <p className="field__label">
        {label}
        {encoding === "base64" ? " (not text: shown as base64)" : shown.json ? " (JSON, pretty-printed)" : " (as text)"}
      </p>
      <TextBlock label={label} text={shown.text} testId={testId} />
    </>
  );
}

/**
 * One receipt: the payload as it arrived (and as a person corrected it), what became of it — the
 * records it wrote, or why it is in quarantine — and, for admins, replay as is or corrected.
 */
export function ReceiptPage({ receiptId }: { receiptId: string }) {
  const can = useCan();
  const result = useQuery(receiptQuery(receiptId));
  const replay = useRef<ReceiptReplayHandle>(null);
  const source = useQuery({ ...sourceQuery(result.data?.source_id ?? ""), enabled: result.data !== undefined });
  if (result.isPending) return <Loading />;
  if (result.error) {
    return (
      <>
        <PageHeader title="Receipt" windowTitle="Receipt" />
        <ErrorBanner error={result.error} title="This receipt could not be loaded" />
        <Link to="/integrations/receipts">Back to receipts</Link>
      </>
    );
  }
  const receipt = result.data;
  const sourceName = source.data?.name ?? receipt.source_id;
  const processedText = prettyPayload(receipt.corrected_body ?? receipt.body).text;
  const canReplay = can("ingest:admin");
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/integrations/receipts">Receipts</Link> ›{" "}
        <Link to="/integrations/sources/$sourceId" params={{ sourceId: receipt.source_id }} search={{}}>
          {sourceName}
        </Link>
      </nav>
      <PageHeader
        title={
          <>
            Receipt <span className="mono">{receipt.id}</span>
          </>
        }
        subtitle={
          <>
            from <span className="mono">{sourceName}</span> · <ReceiptStatusBadge status={receipt.status} /> · received{" "}
            <TimeAgo value={receipt.received_at} />
            {receipt.corrected ? " · corrected by a person" : ""}
          </>
        }
        windowTitle={`Receipt ${receipt.id}`}
      />
      {receipt.status === "received" ? (
        <p className="banner banner--info" role="status">
          Waiting to be processed{receipt.attempts > 0 ? ` (attempt ${receipt.attempts + 1})` : ""}…
        </p>
      ) : null}
      {receipt.status === "processed" ? (
        <p className="banner banner--good" role="status">
          Processed {receipt.processed_at ? formatTimestamp(receipt.processed_at) : ""}: it wrote{" "}
          {formatCount(receipt.produced.length)} {receipt.produced.length === 1 ? "record" : "records"}.
        </p>
      ) : null}
      {receipt.reason ? (
        <section className="panel" aria-labelledby="reason-title">
          <h2 id="reason-title" className="panel__title">
            Why it is in quarantine
          </h2>
          <QuarantineReasonView
            reason={receipt.reason}
            problems={receipt.reason.problems.map((problem) => ({ ...problem, line: lineOfPath(processedText, problem.path) }))}
            onPick={canReplay && receipt.status === "quarantined" ? (problem) => replay.current?.goTo(problem) : undefined}
          />
        </section>
      ) : null}
      {canReplay ? (
        <ReceiptReplay ref={replay} receipt={receipt} />
      ) : receipt.status === "quarantined" ? (
        <p className="banner banner--info">
          Replaying a quarantined payload, as it is or corrected, needs the <code>ingest:admin</code> scope.
        </p>
      ) : null}
      {receipt.status === "processed" ? (
        <section className="panel" aria-labelledby="produced-title">
          <h2 id="produced-title" className="panel__title">
            Records it wrote
          </h2>
          <ProducedRecords records={receipt.produced} />
        </section>
      ) : null}
      <section className="panel" aria-labelledby="payload-title">
        <h2 id="payload-title" className="panel__title">
          Payload
        </h2>
        <dl className="kv-grid receipt-facts">
          <div className="kv-grid__item">
            <dt>Delivery id</dt>
            <dd className="mono">{receipt.delivery_id}</dd>
          </div>
          <div className="kv-grid__item">
            <dt>Content type</dt>
            <dd className="mono">{receipt.content_type ?? "—"}</dd>
          </div>
          <div className="kv-grid__item">
            <dt>Size</dt>
            <dd>{formatCount(receipt.size)} bytes</dd>
          </div>
          <div className="kv-grid__item">
            <dt>Processing attempts</dt>
            <dd>{receipt.attempts}</dd>
          </div>
        </dl>
        {receipt.corrected_body !== null ? (
          <Payload
            label="Corrected payload (what is processed)"
            text={receipt.corrected_body}
            encoding="utf8"
            testId="corrected-payload"
          />
        ) : null}
        <Payload
          label={receipt.corrected_body !== null ? "As the sender sent it" : "As received"}
          text={receipt.body}
          encoding={receipt.body_encoding}
          testId="payload"
        />
      </section>
    </>
  );
}
