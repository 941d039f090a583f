import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { figuresRoute } from "../../router/root";

export const casesRoute = createRoute({
  getParentRoute: () => figuresRoute,
  path: "/arenden",
  staticData: { label: "nav.cases" },
  component: lazyRouteComponent(() => import("./Cases"), "Cases"),
});
