import { Link } from "@tanstack/react-router";
import { PageHeader } from "../ui/page-header.tsx";

/** Shown where a page needs a scope the user does not hold; the API refuses the same requests. */
export function ForbiddenPage({ what, scopes }: { what: string; scopes: readonly string[] }) {
  return (
    <>
      <PageHeader title="No access" windowTitle="No access" />
      <section className="panel" data-testid="forbidden">
        <p>
          You do not have access to {what}. It needs the {scopes.length > 1 ? "scopes" : "scope"}{" "}
          {scopes.map((scope, index) => (
            <span key={scope}>
              {index > 0 ? " or " : ""}
              <code>{scope}</code>
            </span>
          ))}
          , which none of your roles grant.
        </p>
        <p>Ask an administrator of your organisation for a role that includes it.</p>
        <p>
          <Link to="/">Back to home</Link>
        </p>
      </section>
    </>
  );
}
