import { Link } from "@tanstack/react-router";
import { t } from "../lib/i18n";
import { focusMain, isPlainClick, usePages } from "../router/pages";

/** The main menu. Links keep the filters, so moving between pages keeps the question asked. */
export function Nav() {
  return (
    <nav aria-label={t("shell.navigation")} className="nav">
      <ul>
        {usePages().map((p) => (
          <li key={p.path}>
            <Link
              to={p.path}
              search={true}
              // Marked current (aria-current) on its own path, whatever the filters.
              activeOptions={{ exact: true, includeSearch: false }}
              onClick={(e) => {
                if (isPlainClick(e)) focusMain();
              }}
            >
              {t(p.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
