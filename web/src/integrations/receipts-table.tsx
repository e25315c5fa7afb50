import { Link } from "@tanstack/react-router";
import type { Receipt, Source } from "../contract.ts";
import { formatCount } from "../format/format.ts";
import { TimeAgo } from "../ui/time-ago.tsx";
import { ProducedRecordLink } from "./produced-records.tsx";
import { ReceiptStatusBadge, STAGE_LABELS } from "./receipt-status.tsx";

/** What became of a receipt, in a line: the records it wrote, or why it is quarantined. */
function Outcome({ receipt }: { receipt: Receipt }) {
  if (receipt.reason) {
    return (
      <span className="clamp">
        <strong>{STAGE_LABELS[receipt.reason.stage]}:</strong> {receipt.reason.message}
        {receipt.reason.problems[0] ? (
          <>
            {" "}
            — <span className="mono">{receipt.reason.problems[0].path}</span> {receipt.reason.problems[0].message}
            {receipt.reason.problems.length > 1 ? ` (+${receipt.reason.problems.length - 1} more)` : ""}
          </>
        ) : null}
      </span>
    );
  }
  if (receipt.status === "received") return <span className="muted">waiting to be processed</span>;
  if (receipt.produced.length === 0) return <span className="muted">no records</span>;
  const [first, ...rest] = receipt.produced;
  return (
    <span>
      {first ? <ProducedRecordLink record={first} /> : null}
      {rest.length > 0 ? <span className="muted"> and {formatCount(rest.length)} more</span> : null}
    </span>
  );
}

/** Receipts, newest first; with the source column when they come from several. */
export function ReceiptsTable({
  receipts,
  sources,
}: {
  receipts: readonly Receipt[];
  /** Sources by id, to name them; left out, the column is not shown (one source's receipts). */
  sources?: ReadonlyMap<string, Source>;
}) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="receipts-table">
        <thead>
          <tr>
            <th scope="col">Receipt</th>
            {sources ? <th scope="col">Source</th> : null}
            <th scope="col">Status</th>
            <th scope="col">Received</th>
            <th scope="col">Delivery</th>
            <th scope="col">What came of it</th>
          </tr>
        </thead>
        <tbody>
          {receipts.map((receipt) => {
            const source = sources?.get(receipt.source_id);
            return (
              <tr key={receipt.id} data-receipt-id={receipt.id}>
                <td>
                  <Link
                    to="/integrations/receipts/$receiptId"
                    params={{ receiptId: receipt.id }}
                    className="table__primary-link mono"
                  >
                    {receipt.id}
                  </Link>
                </td>
                {sources ? (
                  <td>
                    <Link
                      to="/integrations/sources/$sourceId"
                      params={{ sourceId: receipt.source_id }}
                      search={{}}
                      className="mono"
                    >
                      {source?.name ?? receipt.source_id}
                    </Link>
                  </td>
                ) : null}
                <td>
                  <ReceiptStatusBadge status={receipt.status} />
                  {receipt.corrected ? <span className="small muted"> corrected</span> : null}
                </td>
                <td>
                  <TimeAgo value={receipt.received_at} />
                </td>
                <td className="mono small">{receipt.delivery_id}</td>
                <td className="wrap">
                  <Outcome receipt={receipt} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
