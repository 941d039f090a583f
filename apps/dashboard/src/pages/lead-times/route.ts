import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { z } from "zod";
import type { Dimension } from "../../api/types";
import { figuresRoute } from "../../router/root";
import { groupBySearch } from "../common";

export const leadTimeGroupings = [
  "targetGroup",
  "ageGroup",
  "municipality",
  "leadPrincipal",
  "leadUnit",
] as const satisfies readonly Dimension[];

// A step that is not a whole number is dropped; whether the process has it is the page's to say.
const step = z.coerce.number().int().optional().catch(undefined);
const leadTimeSearch = z.object({
  fromStep: step,
  toStep: step,
  groupBy: groupBySearch(leadTimeGroupings),
});

export const leadTimesRoute = createRoute({
  getParentRoute: () => figuresRoute,
  path: "/ledtider",
  staticData: { label: "nav.lead_times" },
  validateSearch: (raw: Record<string, unknown>) => leadTimeSearch.parse(raw),
  component: lazyRouteComponent(() => import("./LeadTimes"), "LeadTimes"),
});
