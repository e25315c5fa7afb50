import { Link } from "@tanstack/react-router";
import { BrandMark } from "../branding/brand-mark.tsx";
import { useBranding } from "../branding/use-branding.tsx";
import { useMe } from "../session/me.ts";
import { AREAS, canSeeArea } from "./areas.ts";

/** Every area the user may see; areas not built yet are marked, not hidden. */
export function Sidebar() {
  const me = useMe();
  const branding = useBranding();
  const visible = AREAS.filter((area) => canSeeArea(area, me.scopes));
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="sidebar__brand">
        <Link to="/" className="sidebar__home" aria-label={`${branding.product_name}: home page`}>
          <BrandMark />
        </Link>
      </div>
      <ul className="sidebar__areas">
        {visible.map((area) => (
          <li key={area.key}>
            <Link
              to={area.path}
              className="sidebar__link"
              activeProps={{ className: "sidebar__link sidebar__link--active", "aria-current": "page" }}
              activeOptions={{ exact: area.path === "/" }}
            >
              <span>{area.label}</span>
              {area.built ? null : (
                <span className="sidebar__soon" title="Not built yet">
                  soon
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
      <SupportContact email={branding.support_email} url={branding.support_url} phone={branding.support_phone} />
    </nav>
  );
}

function SupportContact({ email, url, phone }: { email: string | null; url: string | null; phone: string | null }) {
  if (!email && !url && !phone) return null;
  return (
    <div className="sidebar__support" data-testid="support-contact">
      <div className="sidebar__support-title">Support</div>
      {email ? <a href={`mailto:${email}`}>{email}</a> : null}
      {url ? (
        <a href={url} target="_blank" rel="noreferrer">
          Help centre
        </a>
      ) : null}
      {phone ? <a href={`tel:${phone.replace(/\s+/g, "")}`}>{phone}</a> : null}
    </div>
  );
}
