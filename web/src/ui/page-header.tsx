import type { ReactNode } from "react";
import { usePageTitle } from "../branding/use-branding.tsx";

/** The page's heading (and the window title), with its actions on the right. */
export function PageHeader({
  title,
  subtitle,
  actions,
  windowTitle,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  windowTitle: string;
}) {
  usePageTitle(windowTitle);
  return (
    <header className="page-header">
      <div>
        <h1 className="page-header__title">{title}</h1>
        {subtitle ? <p className="page-header__subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </header>
  );
}
