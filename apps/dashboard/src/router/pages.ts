import type { MessageKey } from "@samsyn/domain/messages";
import { type AnyRoute, useRouter } from "@tanstack/react-router";
import type { MouseEvent } from "react";
import { useSession } from "../api/queries";

/** A page of the route tree, as the menu and the shell name it. */
export interface Page {
  readonly path: string;
  readonly label: MessageKey;
  readonly roles: readonly string[] | undefined;
}

/**
 * The menu's pages, in the route tree's order: routes with a label (a layout route has none), no
 * path parameter (one agreement's page is reached from the list, not from the menu) and not
 * kept out of the menu (a form reached from a page, such as a new agreement's).
 */
export function pagesOf(route: AnyRoute): Page[] {
  const label = route.options.staticData?.label;
  const own: Page[] =
    label === undefined ||
    route.fullPath.includes("$") ||
    route.options.staticData?.inMenu === false
      ? []
      : [{ path: route.fullPath, label, roles: route.options.staticData?.roles }];
  const children: AnyRoute[] = Array.isArray(route.children) ? route.children : [];
  return [...own, ...children.flatMap(pagesOf)];
}

export function mayOpen(page: Page, role: string): boolean {
  return page.roles === undefined || page.roles.includes(role);
}

/** The pages the signed-in role may open, in the menu's order. */
export function usePages(): Page[] {
  const router = useRouter();
  const { role } = useSession();
  return pagesOf(router.routeTree).filter((p) => mayOpen(p, role));
}

/** After a link inside the dashboard: focus on the page's content, as after a page load. */
export function focusMain(): void {
  document.getElementById("main")?.focus();
}

/** A click that follows the link in this tab (a modified one opens it elsewhere, as usual). */
export function isPlainClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return !(event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) && event.button === 0;
}
