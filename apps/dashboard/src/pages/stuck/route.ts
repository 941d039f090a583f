import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { figuresRoute } from "../../router/root";

export const stuckRoute = createRoute({
  getParentRoute: () => figuresRoute,
  path: "/fastnade",
  staticData: { label: "nav.stuck" },
  component: lazyRouteComponent(() => import("./Stuck"), "Stuck"),
});
