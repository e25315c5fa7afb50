import { Link, Outlet } from "@tanstack/react-router";
import { useCan } from "../../session/me.ts";

export const SETTINGS_SECTIONS = [
  { path: "/settings/users", label: "Users and roles", scope: "users:read" },
  { path: "/settings/api-keys", label: "API keys", scope: "api_keys:read" },
  { path: "/settings/branding", label: "Branding", scope: "tenant:read" },
] as const;

export function SettingsLayout() {
  const can = useCan();
  return (
    <div className="settings">
      <nav className="subnav" aria-label="Settings">
        {SETTINGS_SECTIONS.filter((section) => can(section.scope)).map((section) => (
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
