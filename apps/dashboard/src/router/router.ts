import { createRouter, type RouterHistory } from "@tanstack/react-router";
import { PageLoading } from "../components/QueryState";
import { parseSearch, stringifySearch } from "../lib/search";
import {
  agreementRoute,
  agreementsRoute,
  editAgreementRoute,
  newAgreementRoute,
} from "../pages/agreements/route";
import { auditLogRoute } from "../pages/audit-log/route";
import { casesRoute } from "../pages/cases/route";
import { escalationRoute, escalationsRoute } from "../pages/escalations/route";
import { boardRoute, evaluationsRoute, themesRoute } from "../pages/evaluations/route";
import { flowRoute } from "../pages/flow/route";
import { forumRoute, forumsRoute, meetingRoute } from "../pages/forums/route";
import { importRoute } from "../pages/import/route";
import { leadTimesRoute } from "../pages/lead-times/route";
import { networkRoute } from "../pages/network/route";
import { overviewRoute } from "../pages/overview/route";
import { sipRoute } from "../pages/sip/route";
import { stuckRoute } from "../pages/stuck/route";
import { trendsRoute } from "../pages/trends/route";
import { figuresRoute, rootRoute } from "./root";

/** The dashboard's pages, in the menu's order. A module adds its route here. */
export const routeTree = rootRoute.addChildren([
  figuresRoute.addChildren([
    overviewRoute,
    casesRoute,
    leadTimesRoute,
    flowRoute,
    trendsRoute,
    sipRoute,
    networkRoute,
    stuckRoute,
  ]),
  agreementsRoute,
  newAgreementRoute,
  agreementRoute,
  editAgreementRoute,
  forumsRoute,
  forumRoute,
  meetingRoute,
  escalationsRoute,
  escalationRoute,
  evaluationsRoute,
  themesRoute,
  boardRoute,
  importRoute,
  auditLogRoute,
]);

/** How the dashboard's URLs carry their search params (lib/search.ts), for any router of it. */
export const searchSerialisation = { parseSearch, stringifySearch };

/** The router over the browser's history, or another one (a test's memory history). */
export function createAppRouter(history?: RouterHistory) {
  return createRouter({
    routeTree,
    ...(history === undefined ? {} : { history }),
    ...searchSerialisation,
    // The back button returns to where the page was scrolled to; a new page opens at its top.
    scrollRestoration: true,
    defaultPendingComponent: PageLoading,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module "@tanstack/react-router" {
  interface Register {
    router: AppRouter;
  }
}
