import { Link } from "@tanstack/react-router";
import { useState } from "react";
import type { Source, SourceWithSecret } from "../../contract.ts";
import { SecretOnce } from "../../integrations/secret-once.tsx";
import { CREATABLE_KINDS, kindView } from "../../integrations/source-kinds.tsx";
import { PageHeader } from "../../ui/page-header.tsx";

/**
 * Adds a source: its kind (when there is more than one), then that kind's form; once added, how to
 * connect the system, with the signing secret shown this once.
 */
export function NewSourcePage() {
  const [kind, setKind] = useState<Source["kind"]>(CREATABLE_KINDS[0] ?? "webhook");
  const [created, setCreated] = useState<Source | SourceWithSecret | null>(null);
  const view = kindView(created?.kind ?? kind);
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/integrations/sources">Sources</Link>
      </nav>
      {created ? (
        <>
          <PageHeader title={`Source ${created.name} added`} windowTitle={`Source ${created.name} added`} />
          <section className="panel" aria-labelledby="connect-title" data-testid="created-source">
            <h2 id="connect-title" className="panel__title">
              Connect the system
            </h2>
            {"secret" in created ? (
              <SecretOnce secret={created.secret}>
                A new one can be made later (the old one then stops working at once).
              </SecretOnce>
            ) : null}
            <view.Connection source={created} />
            <div className="form-actions">
              <Link
                to="/integrations/sources/$sourceId"
                params={{ sourceId: created.id }}
                search={{}}
                className="button button--primary"
              >
                Go to {created.name}
              </Link>
              <Link to="/integrations/sources" className="button">
                Back to sources
              </Link>
            </div>
          </section>
        </>
      ) : (
        <>
          <PageHeader title={`Add a ${view.label.toLowerCase()} source`} subtitle={view.how} windowTitle="Add a source" />
          {CREATABLE_KINDS.length > 1 ? (
            <fieldset className="checkbox-list">
              <legend className="field__label">Kind of source</legend>
              {CREATABLE_KINDS.map((name) => (
                <label key={name} className="checkbox">
                  <input type="radio" name="kind" checked={kind === name} onChange={() => setKind(name)} />
                  <span>
                    <strong>{kindView(name).label}</strong> — {kindView(name).how}
                  </span>
                </label>
              ))}
            </fieldset>
          ) : null}
          <section className="panel">{view.NewForm ? <view.NewForm key={kind} onCreated={setCreated} /> : null}</section>
        </>
      )}
    </>
  );
}
