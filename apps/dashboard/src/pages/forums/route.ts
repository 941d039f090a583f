import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../../router/root";
import { validatePeriodSearch } from "./search";

/** The forums the user sees; lan and admin create one here. No filter bar: no figures to filter. */
export const forumsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/ledningsforum",
  staticData: { label: "nav.forums" },
  component: lazyRouteComponent(() => import("./Forums"), "Forums"),
});

/** One forum: its meetings, the follow-up per quarter and its open actions. */
export const forumRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/ledningsforum/$forumId",
  staticData: { label: "forumsPage.forum.page" },
  validateSearch: validatePeriodSearch,
  component: lazyRouteComponent(() => import("./ForumPage"), "ForumPage"),
});

/** One meeting, from its suggested agenda to its justerat protocol. */
export const meetingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/ledningsforum/$forumId/moten/$meetingId",
  staticData: { label: "forumsPage.meeting.page" },
  component: lazyRouteComponent(() => import("./MeetingPage"), "MeetingPage"),
});
