import { createRootRoute, createRouter, RouterProvider } from "@tanstack/react-router";
import type { ReactElement, ReactNode } from "react";
import { validateFilterSearch } from "../lib/filters";
import { parseSearch, stringifySearch } from "../lib/search";

/**
 * For component tests: `node` as the page of a router over the browser's history at `url`, so
 * that it reads the filters from the URL and its links navigate, as in the shell. Loaded before
 * it is returned, so that it renders at once.
 */
export async function inRouter(node: ReactNode, url = "/"): Promise<ReactElement> {
  window.history.replaceState(null, "", url);
  const rootRoute = createRootRoute({
    validateSearch: validateFilterSearch,
    component: () => node,
  });
  const router = createRouter({ routeTree: rootRoute, parseSearch, stringifySearch });
  await router.load();
  return <RouterProvider router={router} />;
}
