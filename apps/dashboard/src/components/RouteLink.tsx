import { useRouter } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { focusMain, isPlainClick } from "../router/pages";

/**
 * Opens a page of the dashboard by its href (a drill-down's, built by lib/drill.ts) at its top,
 * with focus on the main content, as the menu does.
 */
export function useOpenPage(): (href: string) => void {
  const router = useRouter();
  return (href) => {
    void router.navigate({ href });
    focusMain();
  };
}

/** A real link (href, keyboard, new tab) to a page of the dashboard. */
export function RouteLink(props: { href: string; children: ReactNode }) {
  const openPage = useOpenPage();
  return (
    <a
      href={props.href}
      onClick={(e) => {
        if (!isPlainClick(e)) return;
        e.preventDefault();
        openPage(props.href);
      }}
    >
      {props.children}
    </a>
  );
}
