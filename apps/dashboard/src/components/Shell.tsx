import { Outlet, useMatches } from "@tanstack/react-router";
import { useEffect } from "react";
import { useSession } from "../api/queries";
import { t } from "../lib/i18n";
import { roleName } from "../lib/roles";
import { Nav } from "./Nav";

/** Signed in: the menu, and the page the path names (with the filter bar, if it shows figures). */
export function Shell() {
  const { role } = useSession();
  // The deepest match is the page; only the root matches a path no page has.
  const staticData = useMatches({ select: (matches) => matches.at(-1)?.staticData });
  const label = staticData?.label;
  const roles = staticData?.roles;
  const title = label === undefined ? t("shell.not_found") : t(label);
  useEffect(() => {
    document.title = `${title} – Samsyn`;
  }, [title]);
  const forOthers = label !== undefined && roles !== undefined && !roles.includes(role);
  return (
    <>
      <Nav />
      <main id="main" tabIndex={-1}>
        {forOthers ? <NotForRole label={title} roles={roles} role={role} /> : <Outlet />}
      </main>
    </>
  );
}

/** A page of other roles is not shown, but it is named, with whom it is for. */
function NotForRole(props: { label: string; roles: readonly string[]; role: string }) {
  return (
    <>
      <h1>{props.label}</h1>
      <p className="state">
        {t("shell.role_only", {
          page: props.label,
          roles: props.roles.map(roleName).join(` ${t("shell.or")} `),
          role: roleName(props.role),
        })}
      </p>
    </>
  );
}

export function NotFound() {
  return <p>{t("shell.not_found")}</p>;
}
