import { Link, Outlet } from "@tanstack/react-router";
import { INTEGRATION_SECTIONS } from "../../integrations/integration-sections.ts";
import { useCan } from "../../session/me.ts";

/** Where data comes in (sources, what they sent, quarantine) and goes out (webhooks): one tab per section the user may open. */
export function IntegrationsLayout() {
  const can = useCan();
  return (
    <div className="integrations">
      <nav className="tabs" aria-label="Integrations">
        {INTEGRATION_SECTIONS.filter((section) => section.scopes.some(can)).map((section) => (
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
