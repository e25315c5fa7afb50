import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import type { ReceivedInterchange, Source, TradingPartner } from "../contract.ts";
import { Badge, type BadgeTone } from "../ui/badge.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { KvItem } from "../ui/kv-item.tsx";
import { Loading } from "../ui/loading.tsx";
import { QueryView } from "../ui/query-view.tsx";
import { TimeAgo } from "../ui/time-ago.tsx";
import { ChangeSettingsButton } from "./change-settings-button.tsx";
import { EditEdiPartnerForm } from "./edi-partner-form.tsx";
import { ediInterchangesQuery, ediPartnersQuery } from "./edi-queries.ts";
import { ReceiptStatusBadge } from "./receipt-status.tsx";

const SET_TONES: Record<ReceivedInterchange["sets"][number]["status"], BadgeTone> = {
  accepted: "good",
  rejected: "bad",
  held: "warn",
};

const party = (side: TradingPartner["their"]) =>
  `${side.qualifier}:${side.id}${side.application_id ? ` (GS ${side.application_id})` : ""}`;

/** A partner's latest interchanges: each set's outcome, and the acknowledgments (997s, a TA1) that answered it. */
function InterchangesTable({ interchanges }: { interchanges: readonly ReceivedInterchange[] }) {
  if (interchanges.length === 0) return <p className="muted">No interchange yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="edi-interchanges">
        <thead>
          <tr>
            <th scope="col">Interchange</th>
            <th scope="col">Processed</th>
            <th scope="col">Status</th>
            <th scope="col">Sets</th>
            <th scope="col">Acknowledgments</th>
          </tr>
        </thead>
        <tbody>
          {interchanges.map((interchange) => (
            <tr key={interchange.receipt_id}>
              <td>
                <Link to="/integrations/receipts/$receiptId" params={{ receiptId: interchange.receipt_id }} className="mono">
                  ISA13 {interchange.control_number}
                </Link>
                {interchange.usage === "T" ? (
                  <>
                    {" "}
                    <Badge tone="info">test</Badge>
                  </>
                ) : null}
              </td>
              <td>
                <TimeAgo value={interchange.processed_at} />
              </td>
              <td>
                <ReceiptStatusBadge status={interchange.status} />
              </td>
              <td>
                {interchange.sets.map((set) => (
                  <span key={`${set.group_control_number}-${set.control_number}`} className="edi-set">
                    <span className="mono">
                      {set.set} #{set.control_number}
                    </span>{" "}
                    <Badge tone={SET_TONES[set.status]}>{set.status}</Badge>{" "}
                  </span>
                ))}
              </td>
              <td>{interchange.acknowledgments.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A trading partner, on its source's page: who it is and who we are to it, what it sends, how its
 * interchanges arrive and where the 997s go, and its latest interchanges.
 */
export function EdiConnection({ source }: { source: Source }) {
  const partners = useQuery(ediPartnersQuery);
  const partner = partners.data?.data.find((each) => each.source_id === source.id);
  const interchanges = useQuery({ ...ediInterchangesQuery(partner?.id ?? ""), enabled: !!partner });
  const [editing, setEditing] = useState(false);
  if (partners.isPending) return <Loading label="Loading its partner…" />;
  if (partners.error) return <ErrorBanner error={partners.error} title="Its trading partner could not be loaded" />;
  if (!partner) return <p className="muted">The trading partner of this source was removed.</p>;
  if (editing) {
    return (
      <div data-testid="edi-connection">
        <EditEdiPartnerForm partner={partner} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
      </div>
    );
  }
  return (
    <div data-testid="edi-connection">
      <ChangeSettingsButton onClick={() => setEditing(true)} />
      <dl className="kv-grid">
        <KvItem label="The partner">
          <code>{party(partner.their)}</code>
        </KvItem>
        <KvItem label="Us, to it">
          <code>{party(partner.ours)}</code>
        </KvItem>
        <KvItem label="It sends">{partner.sends.join(", ")}</KvItem>
        <KvItem label="Customer it is">
          {partner.customer_external_id ?? <span className="muted">named by its documents</span>}
        </KvItem>
        <KvItem label="Supplier it is">
          {partner.supplier_external_id ?? <span className="muted">named by its documents</span>}
        </KvItem>
        <KvItem label="997s">{partner.acknowledge ? "answer each group it sends" : "not sent"}</KvItem>
        <KvItem label="TA1s">answer each interchange whose ISA14 asks for one</KvItem>
        <KvItem label="Its files">
          {partner.inbox ? (
            <>
              dropped in <code>{partner.inbox}</code> of the EDI inbox
            </>
          ) : (
            <span className="muted">sent through the API only</span>
          )}
        </KvItem>
        <KvItem label="What we send it">
          {partner.outbound.type === "folder" ? (
            <>
              written to <code>{partner.outbound.path}</code> of the EDI outbox
            </>
          ) : (
            <span className="muted">kept for the API</span>
          )}
        </KvItem>
      </dl>
      <p>
        Interchanges are POSTed as the raw X12 body to <code>/api/v1/edi/partners/{partner.name}/interchanges</code> (an API key
        with <code>ingest:admin</code>){partner.inbox ? ", or dropped in its inbox folder" : ""}. Each is stored before it is
        answered, once per sender and control number.
      </p>
      <h3 className="field__label">Latest interchanges</h3>
      <QueryView query={interchanges} loading="Loading its interchanges…" failed="Its interchanges could not be loaded">
        {(page) => <InterchangesTable interchanges={page.data} />}
      </QueryView>
    </div>
  );
}
