import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { PolicySet, PolicyVersionSummary } from "../contract.ts";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { Loading } from "../ui/loading.tsx";
import { TimeAgo } from "../ui/time-ago.tsx";
import { PolicyDiffView } from "./policy-diff-view.tsx";
import { policyVersionQuery, policyVersionsQuery } from "./policy-queries.ts";

/** Every saved version, newest first, with who saved it and what it changed; any one compared with the set in force. */
export function PolicyVersions({ inForce }: { inForce: PolicySet }) {
  const versions = useQuery(policyVersionsQuery);
  const [chosen, setChosen] = useState<number | null>(null);
  return (
    <section className="panel" aria-labelledby="policy-versions">
      <h2 id="policy-versions" className="panel__title">
        Versions
      </h2>
      <ErrorBanner error={versions.error} />
      {versions.isPending ? <Loading /> : null}
      {versions.data?.data.length === 0 ? (
        <p className="empty">No versions saved yet: every save here makes one, and old versions stay readable.</p>
      ) : null}
      {versions.data && versions.data.data.length > 0 ? (
        <VersionsTable
          versions={versions.data.data}
          testId="policy-versions"
          inForce={inForce.source === "tenant" ? inForce.version : null}
          chosen={chosen}
          onCompare={setChosen}
        />
      ) : null}
      {chosen !== null ? <VersionDiff version={chosen} inForce={inForce} onClose={() => setChosen(null)} /> : null}
    </section>
  );
}

/**
 * Versions, newest first: who saved each and what it changed. A tenant's return to inherited
 * defaults is a row too, with nothing to compare; `onCompare` offers a comparison for the others.
 */
export function VersionsTable({
  versions,
  testId,
  inForce,
  chosen = null,
  onCompare,
}: {
  versions: PolicyVersionSummary[];
  testId: string;
  /** The version in force, if it is one of these. */
  inForce: number | null;
  chosen?: number | null;
  onCompare?: (version: number) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">By</th>
            <th scope="col">What changed</th>
            {onCompare ? (
              <th scope="col">
                <span className="visually-hidden">Compare</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => {
            const current = version.version === inForce;
            const inherited = version.source === "inherited";
            return (
              <tr key={version.version} className={chosen === version.version ? "policies-versions__row--chosen" : undefined}>
                <td>
                  {version.version}
                  {current ? <span className="muted small"> (in force)</span> : null}
                  {inherited ? <span className="muted small"> (inherited)</span> : null}
                </td>
                <td>
                  <TimeAgo value={version.created_at} />
                </td>
                <td>{version.created_by.label ?? version.created_by.id}</td>
                <td className="policies-versions__summary">{version.summary}</td>
                {onCompare ? (
                  <td>
                    {current || inherited ? null : (
                      <button type="button" className="button button--small" onClick={() => onCompare(version.version)}>
                        Compare with in force<span className="visually-hidden"> (version {version.version})</span>
                      </button>
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function VersionDiff({ version, inForce, onClose }: { version: number; inForce: PolicySet; onClose: () => void }) {
  const set = useQuery(policyVersionQuery(version));
  return (
    <div className="policies-versions__diff" aria-live="polite">
      <div className="policies-versions__diff-head">
        <h3 className="policies-versions__diff-title">
          Version {version} →{" "}
          {inForce.source === "partner" ? "the partner's " : inForce.source === "default" ? "Crossdock's " : ""}
          version {inForce.version} (in force)
        </h3>
        <button type="button" className="button button--small button--ghost" onClick={onClose}>
          Close comparison
        </button>
      </div>
      <ErrorBanner error={set.error} />
      {set.isPending ? <Loading /> : null}
      {set.data ? <PolicyDiffView before={set.data} after={inForce} /> : null}
    </div>
  );
}
