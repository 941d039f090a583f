import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../../router/root";
import { validateAuditSearch } from "./audit-log";

/** The log shows no figures: no filter bar, and a selection of its own in the URL. */
export const auditLogRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/granskningslogg",
  staticData: { label: "nav.audit_log", roles: ["admin"] },
  validateSearch: validateAuditSearch,
  component: lazyRouteComponent(() => import("./AuditLog"), "AuditLog"),
});
