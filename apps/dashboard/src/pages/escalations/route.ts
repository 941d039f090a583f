import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../../router/root";
import { validateMonthPeriodSearch } from "../forums/search";

/** The escalation board: open ones by level, the resolved, the metric, and the raise form. */
export const escalationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/eskaleringar",
  staticData: { label: "nav.escalations" },
  validateSearch: validateMonthPeriodSearch,
  component: lazyRouteComponent(() => import("./Board"), "Board"),
});

/** One escalation (signals of the suggested agenda link here), lifted or resolved from here. */
export const escalationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/eskaleringar/$id",
  staticData: { label: "escalationsPage.page.one" },
  component: lazyRouteComponent(() => import("./EscalationPage"), "EscalationPage"),
});
