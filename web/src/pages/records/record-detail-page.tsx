import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { ChildCollection, FieldMeta, RecordType } from "../../contract.ts";
import { RECORD_VIEWS } from "../../records/columns.ts";
import { FieldValue } from "../../records/field-value.tsx";
import { typeByPath } from "../../records/find-type.ts";
import { fieldLabel, pluralLabel } from "../../records/labels.ts";
import { RecordAuditTab } from "../../records/record-audit-tab.tsx";
import { RecordHistoryTab } from "../../records/record-history-tab.tsx";
import { type RecordRow, recordByExternalIdQuery, recordQuery } from "../../records/record-queries.ts";
import { UnknownRecordType } from "../../records/unknown-record-type.tsx";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { TimeAgo } from "../../ui/time-ago.tsx";

type RecordQuery = ReturnType<typeof recordQuery>;

type Locator = { id: string } | { sourceSystem: string; externalId: string };

export function RecordDetailPage({ typePath, locator, tab }: { typePath: string; locator: Locator; tab: string | undefined }) {
  const type = typeByPath(typePath);
  if (!type) return <UnknownRecordType typePath={typePath} />;
  const query: RecordQuery =
    "id" in locator ? recordQuery(type, locator.id) : recordByExternalIdQuery(type, locator.sourceSystem, locator.externalId);
  return <RecordDetail type={type} query={query} tab={tab} />;
}

function RecordDetail({ type, query, tab }: { type: RecordType; query: RecordQuery; tab: string | undefined }) {
  const result = useQuery(query);
  if (result.isPending) return <Loading />;
  if (result.error || !result.data) {
    return (
      <>
        <PageHeader title={type.title} windowTitle={type.title} />
        <ErrorBanner error={result.error} title={`This ${type.title.toLowerCase()} could not be loaded`} />
        <Link to="/records/$type" params={{ type: type.path }} search={{}}>
          Back to {pluralLabel(type).toLowerCase()}
        </Link>
      </>
    );
  }
  const record = result.data;
  const titleFields = RECORD_VIEWS[type.name as keyof typeof RECORD_VIEWS]?.title ?? [];
  const name = titleFields
    .map((field) => record[field])
    .filter((value) => value !== null && value !== undefined && value !== "")
    .join(" — ");
  const children = Object.entries(type.children as Record<string, ChildCollection>);
  const tabs = [
    { key: "details", label: "Details" },
    ...children.map(([key]) => ({
      key,
      label: `${fieldLabel(key)} (${(record[key] as unknown[] | undefined)?.length ?? 0})`,
    })),
    { key: "history", label: `History (v${record.version})` },
    { key: "audit", label: "Audit" },
  ];
  const active = tabs.some((candidate) => candidate.key === tab) ? (tab as string) : "details";
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/records">Records</Link> ›{" "}
        <Link to="/records/$type" params={{ type: type.path }} search={{}}>
          {pluralLabel(type)}
        </Link>
      </nav>
      <PageHeader
        title={`${type.title} ${name || record.id}`}
        subtitle={
          <>
            {String(record.source_system)} · {String(record.external_id)} · <code>{record.id}</code> · version {record.version} ·
            updated <TimeAgo value={record.updated_at} />
          </>
        }
        windowTitle={`${type.title} ${name || record.id}`}
      />
      <div className="tabs" role="tablist" aria-label="Record sections">
        {tabs.map((candidate) => (
          <Link
            key={candidate.key}
            role="tab"
            aria-selected={candidate.key === active}
            className={candidate.key === active ? "tabs__tab tabs__tab--active" : "tabs__tab"}
            to="."
            search={{ tab: candidate.key === "details" ? undefined : candidate.key }}
            replace
          >
            {candidate.label}
          </Link>
        ))}
      </div>
      <div role="tabpanel" className="tabpanel">
        {active === "details" ? <DetailsTab type={type} record={record} /> : null}
        {children.map(([key, collection]) =>
          active === key ? (
            <LinesTab
              key={key}
              collection={collection}
              lines={(record[key] as Record<string, unknown>[]) ?? []}
              record={record}
            />
          ) : null,
        )}
        {active === "history" ? <RecordHistoryTab type={type} id={record.id} /> : null}
        {active === "audit" ? <RecordAuditTab id={record.id} /> : null}
      </div>
    </>
  );
}

function DetailsTab({ type, record }: { type: RecordType; record: RecordRow }) {
  const fields = Object.entries(type.fields as Record<string, FieldMeta>);
  const attributes = record.attributes as Record<string, unknown> | undefined;
  return (
    <section className="panel">
      <dl className="kv-grid" data-testid="record-fields">
        {fields.map(([name, field]) => (
          <div key={name} className="kv-grid__item">
            <dt title={field.description}>{fieldLabel(name)}</dt>
            <dd>
              <FieldValue field={field} value={record[name]} row={record} />
            </dd>
          </div>
        ))}
        <div className="kv-grid__item">
          <dt>Created</dt>
          <dd>
            <TimeAgo value={record.created_at as string} />
          </dd>
        </div>
      </dl>
      {attributes && Object.keys(attributes).length > 0 ? (
        <details className="attributes">
          <summary>Source-system attributes ({Object.keys(attributes).length})</summary>
          <pre>{JSON.stringify(attributes, null, 2)}</pre>
        </details>
      ) : null}
    </section>
  );
}

function LinesTab({
  collection,
  lines,
  record,
}: {
  collection: ChildCollection;
  lines: Record<string, unknown>[];
  record: RecordRow;
}) {
  const fields = Object.entries(collection.fields as Record<string, FieldMeta>);
  if (lines.length === 0) return <p className="panel empty">None.</p>;
  const currency = (record.currency as string | null | undefined) ?? null;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="record-lines">
        <thead>
          <tr>
            {fields.map(([name]) => (
              <th key={name} scope="col">
                {fieldLabel(name)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => (
            // Lines have no id of their own; their position is their identity in an upsert.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={index}>
              {fields.map(([name, field]) => (
                <td key={name} className={["integer", "decimal", "money"].includes(field.kind) ? "num" : undefined}>
                  <FieldValue
                    field={field}
                    value={line[name]}
                    row={{ ...line, source_system: record.source_system }}
                    currency={currency}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
