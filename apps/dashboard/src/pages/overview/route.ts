import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { figuresRoute } from "../../router/root";

export const overviewRoute = createRoute({
  getParentRoute: () => figuresRoute,
  path: "/",
  staticData: { label: "nav.overview" },
  component: lazyRouteComponent(() => import("./Overview"), "Overview"),
});
