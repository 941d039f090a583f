import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { figuresRoute } from "../../router/root";

export const flowRoute = createRoute({
  getParentRoute: () => figuresRoute,
  path: "/flode",
  staticData: { label: "nav.flow" },
  component: lazyRouteComponent(() => import("./Flow"), "Flow"),
});
