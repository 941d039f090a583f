import { Suspense, useEffect } from "react";
import { useSession } from "../api/queries";
import { t } from "../lib/i18n";
import { useLocation } from "../lib/router";
import { routesFor } from "../pages/routes";
import { FilterBar } from "./FilterBar";
import { Nav } from "./Nav";
import { ScopeLine } from "./ScopeLine";

/** Signed in: the menu, the shared filter bar and the page the path names. */
export function Shell() {
  const { pathname } = useLocation();
  const { role } = useSession();
  // A page the role may not open is as absent as one that does not exist.
  const route = routesFor(role).find((r) => r.path === pathname);
  useEffect(() => {
    document.title = `${route === undefined ? t("shell.not_found") : t(route.label)} – Samsyn`;
  }, [route]);
  return (
    <>
      <Nav />
      <main id="main" tabIndex={-1}>
        {route?.filters !== false && <ScopeLine />}
        {route?.filters !== false && <FilterBar />}
        {route === undefined ? (
          <p>{t("shell.not_found")}</p>
        ) : (
          <Suspense
            fallback={
              <p className="state" role="status">
                {t("state.loading")}
              </p>
            }
          >
            <route.page />
          </Suspense>
        )}
      </main>
    </>
  );
}
