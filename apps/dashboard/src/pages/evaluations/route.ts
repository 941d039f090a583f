import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../../router/root";

/**
 * Who takes part in evaluations (SPEC "Utvärdering"): users of the sessions' organisations and
 * admin. A länsgrupp reads theme trends, not sessions, so the menu does not offer it an empty list.
 */
const participants: readonly string[] = ["admin", "ledning", "samordnare"];

/** The sessions the user sees; samordnare, ledning and admin start one here. */
export const evaluationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/utvardering",
  staticData: { label: "nav.evaluations", roles: participants },
  component: lazyRouteComponent(() => import("./Sessions"), "Sessions"),
});

/** One session's live board, from collect to closed. */
export const boardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/utvardering/$id",
  staticData: { label: "evaluationsPage.board.page", inMenu: false },
  component: lazyRouteComponent(() => import("./Board"), "Board"),
});
