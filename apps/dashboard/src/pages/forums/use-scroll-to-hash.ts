import { useEffect } from "react";

/**
 * A link to a row further down (`#atgard-<id>`, from a signal) arrives before the row does: the
 * page scrolls to it and moves focus there once its data is in, as the browser would have done
 * for a page that was whole on arrival.
 */
export function useScrollToHash(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id === "") return;
    const target = document.getElementById(id);
    if (target === null) return;
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }, [ready]);
}
