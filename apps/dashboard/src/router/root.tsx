import type { MessageKey } from "@samsyn/domain/messages";
import { createRootRoute, createRoute, Outlet } from "@tanstack/react-router";
import { FilterBar } from "../components/FilterBar";
import { ScopeLine } from "../components/ScopeLine";
import { NotFound, Shell } from "../components/Shell";
import { validateFilterSearch } from "../lib/filters";

declare module "@tanstack/react-router" {
  interface StaticDataRouteOption {
    /** The page's name in the menu and the window title; a route without one is no page. */
    label?: MessageKey;
    /** Only these roles see the page (in the menu and at its path); absent: every role. */
    roles?: readonly string[];
    /** False: a page reached from another page (a form), not from the menu. */
    inMenu?: boolean;
  }
}

/**
 * The shell, and the shared filters as validated search params. They are validated here, at the
 * root, because the menu carries them to every page: a page reads them without knowing which
 * page the user came from.
 */
export const rootRoute = createRootRoute({
  component: Shell,
  notFoundComponent: NotFound,
  validateSearch: validateFilterSearch,
});

/** The pages that show figures: the filter bar and whose figures they are, above the page. */
export const figuresRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "figures",
  component: FiguresLayout,
});

function FiguresLayout() {
  return (
    <>
      <ScopeLine />
      <FilterBar />
      <Outlet />
    </>
  );
}
