import { Link } from "@tanstack/react-router";
import { Fragment, useState } from "react";
import { type AuditEntry, recordTypeOfId, recordTypes } from "../contract.ts";
import { formatTimestamp } from "../format/format.ts";
import { describeAction } from "./describe-action.ts";

/** The record an entry is about, as a link when it is a canonical record. */
function Resource({ entry }: { entry: AuditEntry }) {
  const typeName = recordTypeOfId(entry.resource_id);
  if (typeName) {
    return (
      <Link to="/records/$type/$id" params={{ type: recordTypes[typeName].path, id: entry.resource_id }}>
        {entry.resource_id}
      </Link>
    );
  }
  const ids = (entry.data as { ids?: unknown }).ids;
  if (entry.resource_id === "batch" && Array.isArray(ids)) {
    return (
      <span>
        batch of {ids.length} {entry.resource_type.replaceAll("_", " ")}
        {ids.length === 1 ? "" : "s"}
      </span>
    );
  }
  return (
    <span>
      {entry.resource_type.replaceAll("_", " ")} <code>{entry.resource_id}</code>
    </span>
  );
}

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const [open, setOpen] = useState<string | null>(null);
  if (entries.length === 0) return <p className="panel empty">No audit entries match.</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">About</th>
            <th scope="col">
              <span className="visually-hidden">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <Fragment key={entry.id}>
              <tr>
                <td className="num">{entry.seq}</td>
                <td>
                  <time dateTime={entry.occurred_at}>{formatTimestamp(entry.occurred_at)}</time>
                </td>
                <td title={`${entry.actor.type}:${entry.actor.id}`}>
                  {entry.actor.label ?? entry.actor.id} <span className="muted">({entry.actor.type.replace("_", " ")})</span>
                </td>
                <td>
                  {describeAction(entry)}
                  <div className="muted mono">{entry.action}</div>
                </td>
                <td>
                  <Resource entry={entry} />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    aria-expanded={open === entry.id}
                    onClick={() => setOpen(open === entry.id ? null : entry.id)}
                  >
                    {open === entry.id ? "Hide" : "Details"}
                  </button>
                </td>
              </tr>
              {open === entry.id ? (
                <tr className="table__detail">
                  <td colSpan={6}>
                    <dl className="kv-inline">
                      <dt>Entry</dt>
                      <dd className="mono">{entry.id}</dd>
                      <dt>Request</dt>
                      <dd className="mono">{entry.request_id ?? "—"}</dd>
                      <dt>Hash</dt>
                      <dd className="mono">{entry.hash}</dd>
                    </dl>
                    <pre className="json-block">{JSON.stringify(entry.data, null, 2)}</pre>
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
