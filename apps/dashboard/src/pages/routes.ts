import type { MessageKey } from "@samsyn/domain/messages";
import { type ComponentType, type LazyExoticComponent, lazy } from "react";

export interface PageRoute {
  readonly path: string;
  readonly label: MessageKey;
  readonly page: LazyExoticComponent<ComponentType>;
  /** Only these roles see the page (in the menu and at its path); absent: every role. */
  readonly roles?: readonly string[];
  /** False for a page that shows no figures, so the shared filter bar means nothing there. */
  readonly filters?: false;
}

/** Each page is its own chunk: Recharts and a page's code load when the page is opened. */
export const pageRoutes: readonly PageRoute[] = [
  {
    path: "/",
    label: "nav.overview",
    page: lazy(() => import("./Overview").then((m) => ({ default: m.Overview }))),
  },
  {
    path: "/arenden",
    label: "nav.cases",
    page: lazy(() => import("./Cases").then((m) => ({ default: m.Cases }))),
  },
  {
    path: "/ledtider",
    label: "nav.lead_times",
    page: lazy(() => import("./LeadTimes").then((m) => ({ default: m.LeadTimes }))),
  },
  {
    path: "/flode",
    label: "nav.flow",
    page: lazy(() => import("./Flow").then((m) => ({ default: m.Flow }))),
  },
  {
    path: "/trender",
    label: "nav.trends",
    page: lazy(() => import("./Trends").then((m) => ({ default: m.Trends }))),
  },
  {
    path: "/sip",
    label: "nav.sip",
    page: lazy(() => import("./SipConsent").then((m) => ({ default: m.SipConsent }))),
  },
  {
    path: "/natverk",
    label: "nav.network",
    page: lazy(() => import("./Network").then((m) => ({ default: m.Network }))),
  },
  {
    path: "/fastnade",
    label: "nav.stuck",
    page: lazy(() => import("./Stuck").then((m) => ({ default: m.Stuck }))),
  },
  {
    path: "/import",
    label: "nav.import",
    page: lazy(() => import("./Import").then((m) => ({ default: m.Import }))),
    roles: ["samordnare", "admin"],
    filters: false,
  },
  {
    path: "/granskningslogg",
    label: "nav.audit_log",
    page: lazy(() => import("./AuditLog").then((m) => ({ default: m.AuditLog }))),
    roles: ["admin"],
    filters: false,
  },
];

/** The pages a role may open. */
export function routesFor(role: string): readonly PageRoute[] {
  return pageRoutes.filter((r) => r.roles === undefined || r.roles.includes(role));
}
