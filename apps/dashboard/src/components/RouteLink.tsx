import type { MouseEvent, ReactNode } from "react";
import { navigate } from "../lib/router";

/** Follows a link inside the dashboard without a reload; a modified click opens it as usual. */
export function followLink(event: MouseEvent<HTMLAnchorElement>, href: string): void {
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  openPage(href);
}

/** Opens a page of the dashboard at its top, with focus on the main content (as the menu does). */
export function openPage(href: string): void {
  navigate(href);
  window.scrollTo(0, 0);
  document.getElementById("main")?.focus();
}

/** A real link (href, keyboard, new tab) to a page of the dashboard. */
export function RouteLink(props: { href: string; children: ReactNode }) {
  return (
    <a href={props.href} onClick={(e) => followLink(e, props.href)}>
      {props.children}
    </a>
  );
}
