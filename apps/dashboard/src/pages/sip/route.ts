import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { z } from "zod";
import type { Dimension } from "../../api/types";
import { figuresRoute } from "../../router/root";
import { groupBySearch } from "../common";

export const sipGroupings = [
  "targetGroup",
  "ageGroup",
  "municipality",
  "process",
  "leadPrincipal",
] as const satisfies readonly Dimension[];

const sipSearch = z.object({ groupBy: groupBySearch(sipGroupings) });

export const sipRoute = createRoute({
  getParentRoute: () => figuresRoute,
  path: "/sip",
  staticData: { label: "nav.sip" },
  validateSearch: (raw: Record<string, unknown>) => sipSearch.parse(raw),
  component: lazyRouteComponent(() => import("./SipConsent"), "SipConsent"),
});
