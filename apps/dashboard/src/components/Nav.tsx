import type { MouseEvent } from "react";
import { useSession } from "../api/queries";
import { t } from "../lib/i18n";
import { navigate, useLocation } from "../lib/router";
import { routesFor } from "../pages/routes";

/** The main menu. Links keep the filters, so moving between pages keeps the question asked. */
export function Nav() {
  const { pathname, search } = useLocation();
  const { role } = useSession();
  const query = search.toString();
  const suffix = query === "" ? "" : `?${query}`;
  function follow(event: MouseEvent<HTMLAnchorElement>, to: string) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
    document.getElementById("main")?.focus();
  }
  return (
    <nav aria-label={t("shell.navigation")} className="nav">
      <ul>
        {routesFor(role).map((r) => (
          <li key={r.path}>
            <a
              href={r.path + suffix}
              aria-current={pathname === r.path ? "page" : undefined}
              onClick={(e) => follow(e, r.path + suffix)}
            >
              {t(r.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
