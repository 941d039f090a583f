import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { z } from "zod";
import { figuresRoute } from "../../router/root";

const networkSearch = z.object({
  level: z.enum(["principalType", "unit"]).optional().catch(undefined),
});

export const networkRoute = createRoute({
  getParentRoute: () => figuresRoute,
  path: "/natverk",
  staticData: { label: "nav.network" },
  validateSearch: (raw: Record<string, unknown>) => networkSearch.parse(raw),
  component: lazyRouteComponent(() => import("./Network"), "Network"),
});
