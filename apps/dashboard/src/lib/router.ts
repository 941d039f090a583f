import { useSyncExternalStore } from "react";

/**
 * A minimal client router on the History API: the path picks the page, the search params hold
 * the filters, so a view can be bookmarked and the back button walks through filter changes.
 */
const navigationEvent = "samsyn:navigate";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(navigationEvent, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(navigationEvent, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export interface Location {
  readonly pathname: string;
  readonly search: URLSearchParams;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.dispatchEvent(new Event(navigationEvent));
}

/** Same page, new search params (pushes a history entry so back undoes a filter change). */
export function setSearch(search: URLSearchParams): void {
  const query = search.toString();
  navigate(window.location.pathname + (query === "" ? "" : `?${query}`));
}
