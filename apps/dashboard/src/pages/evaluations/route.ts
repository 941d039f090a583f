import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { z } from "zod";
import { rootRoute } from "../../router/root";
import { validateMonthPeriodSearch } from "../forums/search";

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

/**
 * Themes over time and by step, across sessions (`GET /evaluations/themes`): every role reads
 * them over its scope (lan and admin the county), so every role has the page in its menu.
 * `?theme=` (the improvement_theme signal's link) picks the theme the month and step tables show.
 */
export const themesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/utvardering/teman",
  staticData: { label: "nav.evaluation_themes" },
  validateSearch: (raw: Record<string, unknown>) => ({
    ...validateMonthPeriodSearch(raw),
    theme: z.string().optional().catch(undefined).parse(raw.theme),
  }),
  component: lazyRouteComponent(() => import("./Trends"), "Trends"),
});

/** One session's live board, from collect to closed. */
export const boardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/utvardering/$id",
  staticData: { label: "evaluationsPage.board.page", inMenu: false },
  component: lazyRouteComponent(() => import("./Board"), "Board"),
});
