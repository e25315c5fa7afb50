import { Link, Outlet } from "@tanstack/react-router";
import { useCan } from "../../session/me.ts";

/** Each section and the scopes (any one of them) that open it. */
export const SETTINGS_SECTIONS = [
  { path: "/settings/users", label: "Users and roles", scopes: ["users:read"] },
  { path: "/settings/api-keys", label: "API keys", scopes: ["api_keys:read"] },
  { path: "/settings/branding", label: "Branding", scopes: ["tenant:admin", "partner:admin"] },
] as const;

export function SettingsLayout() {
  const can = useCan();
  return (
    <div className="settings">
      <nav className="subnav" aria-label="Settings">
        {SETTINGS_SECTIONS.filter((section) => section.scopes.some(can)).map((section) => (
          <Link
            key={section.path}
            to={section.path}
            className="subnav__link"
            activeProps={{ className: "subnav__link subnav__link--active", "aria-current": "page" }}
          >
            {section.label}
          </Link>
        ))}
      </nav>
      <div className="settings__page">
        <Outlet />
      </div>
    </div>
  );
}
