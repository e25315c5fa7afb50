import { Link } from "@tanstack/react-router";
import { PageHeader } from "../ui/page-header.tsx";

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" windowTitle="Not found" />
      <section className="panel">
        <p>There is no page at {window.location.pathname}.</p>
        <p>
          <Link to="/">Back to home</Link>
        </p>
      </section>
    </>
  );
}
