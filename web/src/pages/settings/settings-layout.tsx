import { Link, Outlet } from "@tanstack/react-router";
import { useCan } from "../../session/me.ts";
import { SETTINGS_SECTIONS } from "../../settings/settings-sections.ts";

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
