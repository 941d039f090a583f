import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../../router/root";

/** Import shows no figures: no filter bar. */
export const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/import",
  staticData: { label: "nav.import", roles: ["samordnare", "admin"] },
  component: lazyRouteComponent(() => import("./Import"), "Import"),
});
