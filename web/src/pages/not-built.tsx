import type { Area } from "../shell/areas.ts";
import { PageHeader } from "../ui/page-header.tsx";

/** An area whose capability is not built yet: it says so, and shows nothing made up. */
export function NotBuiltPage({ area }: { area: Area }) {
  return (
    <>
      <PageHeader title={area.label} windowTitle={area.label} />
      <section className="panel not-built" data-testid="not-built">
        <h2 className="panel__title">Not built yet</h2>
        <p>
          This version has no {area.label.toLowerCase()} capability yet, so there is nothing to show here — no sample or
          placeholder data.
        </p>
        {area.promise ? (
          <p>
            <strong>What it will hold:</strong> {area.promise}
          </p>
        ) : null}
        <p className="muted">Records, the audit trail and settings are available now.</p>
      </section>
    </>
  );
}
