import { Link, Outlet } from "@tanstack/react-router";
import { DOCUMENT_SECTIONS } from "../../documents/document-sections.ts";
import { UploadDocument } from "../../documents/upload-document.tsx";
import { useCan } from "../../session/me.ts";
import { PageHeader } from "../../ui/page-header.tsx";

/** Documents read from what was sent in: the review queue, every document, the quarantine, and the figures. */
export function DocumentsLayout() {
  const can = useCan();
  return (
    <div className="documents">
      <PageHeader
        title="Documents"
        subtitle="Purchase orders, invoices, ship notices and the rest, read and checked; what the machine was unsure of waits here for a person."
        windowTitle="Documents"
        actions={can("documents:submit") ? <UploadDocument /> : null}
      />
      <nav className="tabs" aria-label="Documents">
        {DOCUMENT_SECTIONS.map((section) => (
          <Link
            key={section.path}
            to={section.path}
            className="tabs__tab"
            activeProps={{ className: "tabs__tab tabs__tab--active", "aria-current": "page" }}
          >
            {section.label}
          </Link>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
