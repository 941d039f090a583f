// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createMemoryHistory, RouterProvider } from "@tanstack/react-router";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SessionContext } from "../api/queries";
import type { Catalogues } from "../api/types";
import { locale } from "../lib/i18n";
import { createAppRouter } from "../router/router";

// The pages' figures stay on their way: this is about the shell around them.
beforeEach(() => vi.stubGlobal("fetch", () => new Promise(() => {})));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const catalogues: Catalogues = {
  processes: [],
  targetGroups: [],
  principalTypes: [],
  ageGroups: [],
  municipalities: [],
  units: [],
  organisations: [],
};

/** The signed-in dashboard at `url`, with the catalogues at hand and no other answer from the API. */
async function openAs(role: string, url: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(["catalogues", "token", locale()], catalogues);
  const router = createAppRouter(createMemoryHistory({ initialEntries: [url] }));
  await router.load();
  await act(async () => {
    render(
      <QueryClientProvider client={client}>
        <SessionContext.Provider value={{ token: "token", sub: "test", role, orgs: [] }}>
          <RouterProvider router={router} />
        </SessionContext.Provider>
      </QueryClientProvider>,
    );
  });
  return router;
}

const slow = { timeout: 15_000 };

describe("the shell", () => {
  it("names a page of other roles, with whom it is for, and does not show it", async () => {
    await openAs("lan", "/import");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Import");
    expect(
      screen.getByText(
        "Sidan Import är bara för Samordnare eller Administratör. Du är inloggad som Länsgrupp.",
      ),
    ).toBeTruthy();
    await waitFor(() => expect(document.title).toBe("Import – Samsyn"));
    // Not in the menu either.
    const menu = screen.getByRole("navigation");
    expect(within(menu).queryByRole("link", { name: "Import" })).toBeNull();
  });

  it("says so at a path no page has", async () => {
    await openAs("admin", "/finns-inte");
    expect(screen.getByText("Sidan finns inte.")).toBeTruthy();
    await waitFor(() => expect(document.title).toBe("Sidan finns inte. – Samsyn"));
  });

  it("marks the page in the menu and carries the filters in every link", async () => {
    const router = await openAs("lan", "/flode?view=county&municipality=0180&municipality=0182");
    const menu = screen.getByRole("navigation");
    const flow = within(menu).getByRole("link", { name: "Flöde" });
    await waitFor(() => expect(flow.getAttribute("aria-current")).toBe("page"), slow);
    const cases = within(menu).getByRole("link", { name: "Ärenden" });
    expect(cases.getAttribute("aria-current")).toBeNull();
    expect(cases.getAttribute("href")).toBe(
      "/arenden?view=county&municipality=0180&municipality=0182",
    );
    fireEvent.click(cases);
    // The page's code loads first: slow when the machine is busy.
    await waitFor(() => expect(router.state.location.pathname).toBe("/arenden"), slow);
    expect(document.activeElement?.id).toBe("main");
    await waitFor(() => expect(document.title).toBe("Ärenden – Samsyn"), slow);
  });
});
