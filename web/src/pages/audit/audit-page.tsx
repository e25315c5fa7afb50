import { useMutation, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useState } from "react";
import { auditFacetsQuery, auditPageQuery, verifyChain } from "../../audit/audit-queries.ts";
import { AuditTable } from "../../audit/audit-table.tsx";
import type { ChainReport } from "../../contract.ts";
import { formatCount } from "../../format/format.ts";
import { useCan } from "../../session/me.ts";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";

export type AuditSearch = {
  actor?: string;
  action?: string;
  record?: string;
  resource_type?: string;
  from?: string;
  to?: string;
  before_seq?: string;
};

const FILTERS = ["actor", "action", "record", "resource_type", "from", "to"] as const;

/** datetime-local ("2026-12-05T10:30") in the viewer's zone → ISO 8601 with offset, as the API wants. */
const toInstant = (local: string) => (local ? new Date(local).toISOString() : undefined);
const toLocal = (iso: string | undefined) => {
  if (!iso) return "";
  const date = new Date(iso);
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
};

export function AuditPage({ search }: { search: AuditSearch }) {
  const navigate = useNavigate();
  const can = useCan();
  const params = Object.fromEntries(Object.entries({ ...search, limit: "50" }).filter(([, value]) => value)) as Record<
    string,
    string
  >;
  const page = useQuery(auditPageQuery(params));
  const facets = useQuery(auditFacetsQuery);
  const go = (next: AuditSearch) => navigate({ to: "/audit", search: next });
  const filtered = FILTERS.some((name) => search[name]);

  return (
    <>
      <PageHeader
        title="Audit trail"
        subtitle="Every change, by whom, append-only and hash-chained: altering or removing an entry breaks the chain."
        windowTitle="Audit"
        actions={can("audit:verify") ? <VerifyChain /> : null}
      />
      <AuditFilters
        search={search}
        actors={facets.data?.actors ?? []}
        actions={facets.data?.actions ?? []}
        resourceTypes={facets.data?.resource_types ?? []}
        onApply={(filters) => go(filters)}
      />
      <ErrorBanner error={page.error} title="The trail could not be loaded" />
      {page.isPending ? <Loading /> : null}
      {page.data ? (
        <div aria-busy={page.isFetching}>
          <AuditTable entries={page.data.data} />
          <nav className="pager" aria-label="Pages">
            <span className="pager__status">
              {page.data.data.length === 0
                ? filtered
                  ? "No entries match these filters"
                  : "No entries"
                : `${formatCount(page.data.data.length)} entries, #${formatCount(page.data.data[0]?.seq ?? 0)} back to #${formatCount(page.data.data.at(-1)?.seq ?? 0)}`}
            </span>
            <span className="pager__buttons">
              <button
                type="button"
                className="button button--small"
                disabled={!search.before_seq}
                onClick={() => go({ ...search, before_seq: undefined })}
              >
                Newest
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={page.data.next_before_seq === null}
                onClick={() => go({ ...search, before_seq: String(page.data?.next_before_seq) })}
              >
                Older
              </button>
            </span>
          </nav>
        </div>
      ) : null}
    </>
  );
}

function AuditFilters({
  search,
  actors,
  actions,
  resourceTypes,
  onApply,
}: {
  search: AuditSearch;
  actors: { type: string; id: string; label: string | null }[];
  actions: string[];
  resourceTypes: string[];
  onApply: (filters: AuditSearch) => void;
}) {
  const [draft, setDraft] = useState<AuditSearch>(search);
  useEffect(() => setDraft(search), [search]);
  const set = (name: keyof AuditSearch, value: string) => setDraft({ ...draft, [name]: value || undefined });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, before_seq: undefined });
  };
  return (
    <form className="filter-bar filter-bar--form" onSubmit={submit} aria-label="Filter the audit trail">
      <label className="field field--inline">
        <span className="field__label">Actor</span>
        <select value={draft.actor ?? ""} onChange={(event) => set("actor", event.target.value)}>
          <option value="">anyone</option>
          {actors.map((actor) => (
            <option key={`${actor.type}:${actor.id}`} value={`${actor.type}:${actor.id}`}>
              {actor.label ?? actor.id} ({actor.type.replace("_", " ")})
            </option>
          ))}
        </select>
      </label>
      <label className="field field--inline">
        <span className="field__label">Action</span>
        <input
          list="audit-actions"
          value={draft.action ?? ""}
          placeholder="e.g. api_key.* "
          onChange={(event) => set("action", event.target.value)}
        />
        <datalist id="audit-actions">
          {actions.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
      </label>
      <label className="field field--inline">
        <span className="field__label">Record id</span>
        <input
          value={draft.record ?? ""}
          placeholder="e.g. so_01…"
          onChange={(event) => set("record", event.target.value.trim())}
        />
      </label>
      <label className="field field--inline">
        <span className="field__label">Resource</span>
        <select value={draft.resource_type ?? ""} onChange={(event) => set("resource_type", event.target.value)}>
          <option value="">any</option>
          {resourceTypes.map((type) => (
            <option key={type} value={type}>
              {type.replaceAll("_", " ")}
            </option>
          ))}
        </select>
      </label>
      <label className="field field--inline">
        <span className="field__label">From</span>
        <input
          type="datetime-local"
          value={toLocal(draft.from)}
          onChange={(event) => set("from", toInstant(event.target.value) ?? "")}
        />
      </label>
      <label className="field field--inline">
        <span className="field__label">To</span>
        <input
          type="datetime-local"
          value={toLocal(draft.to)}
          onChange={(event) => set("to", toInstant(event.target.value) ?? "")}
        />
      </label>
      <button type="submit" className="button button--primary button--small">
        Apply
      </button>
      {FILTERS.some((name) => search[name]) ? (
        <button type="button" className="button button--ghost button--small" onClick={() => onApply({})}>
          Clear
        </button>
      ) : null}
    </form>
  );
}

function VerifyChain() {
  const verify = useMutation<ChainReport>({ mutationFn: verifyChain });
  return (
    <div className="verify" data-testid="chain-verify">
      <button type="button" className="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
        {verify.isPending ? "Verifying…" : "Verify the chain"}
      </button>
      {verify.data ? (
        verify.data.ok ? (
          <span className="banner banner--good" role="status" data-testid="chain-ok">
            Chain intact: {formatCount(verify.data.entries)} entries verified
            {verify.data.head_hash ? <span className="mono"> · head {verify.data.head_hash.slice(0, 12)}…</span> : null}
          </span>
        ) : (
          <span className="banner banner--error" role="alert" data-testid="chain-broken">
            Chain broken at entry {verify.data.first_break?.seq}: {verify.data.first_break?.reason}
          </span>
        )
      ) : null}
      <ErrorBanner error={verify.error} />
    </div>
  );
}
