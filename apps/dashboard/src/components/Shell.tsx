import { Suspense, useEffect } from "react";
import { useSession } from "../api/queries";
import { t } from "../lib/i18n";
import { roleName } from "../lib/roles";
import { useLocation } from "../lib/router";
import { type PageRoute, pageRoutes, routesFor } from "../pages/routes";
import { FilterBar } from "./FilterBar";
import { Nav } from "./Nav";
import { ScopeLine } from "./ScopeLine";

/** Signed in: the menu, the shared filter bar and the page the path names. */
export function Shell() {
  const { pathname } = useLocation();
  const { role } = useSession();
  const route = routesFor(role).find((r) => r.path === pathname);
  // A page of other roles is not loaded, but it is named, with whom it is for.
  const forOthers = route === undefined ? pageRoutes.find((r) => r.path === pathname) : undefined;
  const title =
    route !== undefined
      ? t(route.label)
      : forOthers !== undefined
        ? t(forOthers.label)
        : t("shell.not_found");
  useEffect(() => {
    document.title = `${title} – Samsyn`;
  }, [title]);
  return (
    <>
      <Nav />
      <main id="main" tabIndex={-1}>
        {route?.filters !== false && route !== undefined && <ScopeLine />}
        {route?.filters !== false && route !== undefined && <FilterBar />}
        {route !== undefined ? (
          <Suspense
            fallback={
              <p className="state" role="status">
                {t("state.loading")}
              </p>
            }
          >
            <route.page />
          </Suspense>
        ) : forOthers !== undefined ? (
          <NotForRole route={forOthers} role={role} />
        ) : (
          <p>{t("shell.not_found")}</p>
        )}
      </main>
    </>
  );
}

function NotForRole(props: { route: PageRoute; role: string }) {
  const { route, role } = props;
  return (
    <>
      <h1>{t(route.label)}</h1>
      <p className="state">
        {t("shell.role_only", {
          page: t(route.label),
          roles: (route.roles ?? []).map(roleName).join(` ${t("shell.or")} `),
          role: roleName(role),
        })}
      </p>
    </>
  );
}
