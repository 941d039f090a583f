import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { z } from "zod";
import type { Dimension } from "../../api/types";
import { figuresRoute } from "../../router/root";
import { groupBySearch } from "../common";

export const trendGroupings = [
  "targetGroup",
  "ageGroup",
  "municipality",
  "process",
] as const satisfies readonly Dimension[];

const trendSearch = z.object({
  measure: z.enum(["opened", "closed"]).optional().catch(undefined),
  groupBy: groupBySearch(trendGroupings),
});

export const trendsRoute = createRoute({
  getParentRoute: () => figuresRoute,
  path: "/trender",
  staticData: { label: "nav.trends" },
  validateSearch: (raw: Record<string, unknown>) => trendSearch.parse(raw),
  component: lazyRouteComponent(() => import("./Trends"), "Trends"),
});
