// @vitest-environment happy-dom
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
} from "@tanstack/react-router";
import { describe, expect, expectTypeOf, it, vi } from "vitest";
import { z } from "zod";
import { validateFilterSearch } from "../lib/filters";
import { mayOpen, pagesOf } from "./pages";
import { createAppRouter, searchSerialisation } from "./router";

async function openAt(url: string) {
  const router = createAppRouter(createMemoryHistory({ initialEntries: [url] }));
  await router.load();
  // A URL with a malformed value is first replaced by its valid form, then loaded.
  await vi.waitFor(() => expect(router.state.matches.length).toBeGreaterThan(0));
  return router;
}

const page = (router: Awaited<ReturnType<typeof openAt>>) => router.state.matches.at(-1);

// Opening a route loads its page's code on demand: seconds on a busy CI machine, not 5.
describe("the route tree", { timeout: 60_000 }, () => {
  it("has every page at the path it always had, in the menu's order", async () => {
    const router = await openAt("/");
    expect(pagesOf(router.routeTree).map((p) => [p.path, p.label])).toEqual([
      ["/", "nav.overview"],
      ["/arenden", "nav.cases"],
      ["/ledtider", "nav.lead_times"],
      ["/flode", "nav.flow"],
      ["/trender", "nav.trends"],
      ["/sip", "nav.sip"],
      ["/natverk", "nav.network"],
      ["/fastnade", "nav.stuck"],
      ["/overenskommelser", "nav.agreements"],
      ["/ledningsforum", "nav.forums"],
      ["/eskaleringar", "nav.escalations"],
      ["/utvardering", "nav.evaluations"],
      ["/utvardering/teman", "nav.evaluation_themes"],
      ["/import", "nav.import"],
      ["/granskningslogg", "nav.audit_log"],
    ]);
  });

  it("lets a role open only its pages", async () => {
    const pages = pagesOf((await openAt("/")).routeTree);
    const open = (role: string) => pages.filter((p) => mayOpen(p, role)).map((p) => p.path);
    expect(open("ledning")).not.toContain("/import");
    expect(open("samordnare")).toContain("/import");
    expect(open("samordnare")).not.toContain("/granskningslogg");
    expect(open("admin")).toContain("/granskningslogg");
    // Theme trends are read by every role over its scope; sessions only by their participants.
    expect(open("lan")).toContain("/utvardering/teman");
    expect(open("lan")).not.toContain("/utvardering");
    expect(open("samordnare")).toContain("/utvardering/teman");
  });

  it("reads a bookmarked URL's filters, repeated codes included, and drops what is malformed", async () => {
    const router = await openAt(
      "/arenden?from=2024-01&to=2024-13&municipality=0180&municipality=0182&view=both",
    );
    expect(page(router)?.staticData.label).toBe("nav.cases");
    expect(page(router)?.search).toMatchObject({
      from: "2024-01",
      to: undefined,
      view: undefined,
      municipality: ["0180", "0182"],
    });
  });

  it("validates a page's own choices, falling back to its default", async () => {
    const router = await openAt("/ledtider?fromStep=two&toStep=4&groupBy=");
    expect(page(router)?.search).toMatchObject({ fromStep: undefined, toStep: 4, groupBy: "" });
    const other = await openAt("/ledtider?groupBy=step");
    expect(page(other)?.search).toMatchObject({ groupBy: undefined });
  });

  it("changes one param in the URL as it was written, a new history entry the back button undoes", async () => {
    const router = await openAt("/arenden?from=2024-01&municipality=0180&municipality=0182");
    await router.navigate({ to: ".", search: (prev) => ({ ...prev, targetGroup: ["demens"] }) });
    expect(router.state.location.href).toBe(
      "/arenden?from=2024-01&municipality=0180&municipality=0182&targetGroup=demens",
    );
    router.history.back();
    await router.load();
    expect(router.state.location.href).toBe(
      "/arenden?from=2024-01&municipality=0180&municipality=0182",
    );
  });

  it("opens one agreement by its id and its forms, none of them in the menu", async () => {
    const id = "0b7f3c52-9d1e-4c41-8a7e-2f6f3f9a1c10";
    const one = await openAt(`/overenskommelser/${id}`);
    expect(page(one)?.staticData.label).toBe("agreements.page.one");
    expect(page(one)?.params).toEqual({ id });
    const edit = await openAt(`/overenskommelser/${id}/andra`);
    expect(page(edit)?.staticData.label).toBe("agreements.page.edit");
    const created = await openAt(
      "/overenskommelser/ny?municipality=0180&targetGroup=missbruk_beroende",
    );
    expect(page(created)?.staticData).toMatchObject({
      label: "agreements.page.new",
      roles: ["lan", "admin"],
    });
    expect(page(created)?.search).toMatchObject({
      municipality: ["0180"],
      targetGroup: ["missbruk_beroende"],
    });
    const menu = pagesOf(one.routeTree).map((p) => p.path);
    expect(menu.filter((p) => p.startsWith("/overenskommelser"))).toEqual(["/overenskommelser"]);
  });

  it("opens a forum, one of its meetings and an escalation by id, none of them in the menu", async () => {
    const id = "0b7f3c52-9d1e-4c41-8a7e-2f6f3f9a1c10";
    const forum = await openAt(`/ledningsforum/${id}?periodFrom=2025-01-01&periodTo=2025-13-01`);
    expect(page(forum)?.staticData.label).toBe("forumsPage.forum.page");
    expect(page(forum)?.search).toMatchObject({ periodFrom: "2025-01-01", periodTo: undefined });
    const meeting = await openAt(`/ledningsforum/${id}/moten/${id}`);
    expect(page(meeting)?.staticData.label).toBe("forumsPage.meeting.page");
    expect(page(meeting)?.params).toEqual({ forumId: id, meetingId: id });
    const escalation = await openAt(`/eskaleringar/${id}`);
    expect(page(escalation)?.staticData.label).toBe("escalationsPage.page.one");
    const board = await openAt("/eskaleringar?periodFrom=2025-01&periodTo=2025-06-30");
    expect(page(board)?.search).toMatchObject({ periodFrom: "2025-01", periodTo: undefined });
    const menu = pagesOf(forum.routeTree).map((p) => p.path);
    expect(
      menu.filter((p) => p.startsWith("/ledningsforum") || p.startsWith("/eskaleringar")),
    ).toEqual(["/ledningsforum", "/eskaleringar"]);
  });

  it("reads the register's own choices and drops a malformed one", async () => {
    const router = await openAt("/overenskommelser?status=active&reviewDue=soon&municipality=0180");
    expect(page(router)?.search).toMatchObject({
      status: "active",
      reviewDue: undefined,
      municipality: ["0180"],
    });
  });

  it("matches no page at a path no page has", async () => {
    const router = await openAt("/finns-inte");
    expect(page(router)?.staticData.label).toBeUndefined();
  });
});

describe("a route with a path parameter (the shape of the agreements module's)", {
  timeout: 60_000,
}, () => {
  // A route on a root of its own: the tree gets it when the module comes, with its page.
  const root = createRootRoute({ validateSearch: validateFilterSearch });
  const agreement = createRoute({
    getParentRoute: () => root,
    path: "/overenskommelser/$id",
    params: {
      parse: ({ id }) => ({ id: z.coerce.number().int().positive().parse(id) }),
      stringify: ({ id }) => ({ id: String(id) }),
    },
  });
  const routerAt = async (url: string) => {
    const router = createRouter({
      routeTree: root.addChildren([agreement]),
      history: createMemoryHistory({ initialEntries: [url] }),
      ...searchSerialisation,
    });
    await router.load();
    return router;
  };

  it("is reached by a link, not from the menu", () => {
    const menuRoot = createRootRoute();
    const list = createRoute({
      getParentRoute: () => menuRoot,
      path: "/overenskommelser",
      staticData: { label: "nav.cases" },
    });
    const one = createRoute({
      getParentRoute: () => list,
      path: "$id",
      staticData: { label: "nav.cases" },
    });
    const router = createRouter({
      routeTree: menuRoot.addChildren([list.addChildren([one])]),
      history: createMemoryHistory(),
    });
    expect(pagesOf(router.routeTree).map((p) => p.path)).toEqual(["/overenskommelser"]);
  });

  it("gives the page its parameter typed, beside the shared filters", async () => {
    const router = await routerAt("/overenskommelser/42?from=2024-01");
    const match = router.state.matches.at(-1);
    expect(match?.routeId).toBe(agreement.id);
    expect(match?.params).toEqual({ id: 42 });
    expect(match?.search).toMatchObject({ from: "2024-01" });
  });

  it("types the parameter as the route parses it", () => {
    expectTypeOf<(typeof agreement)["types"]["allParams"]>().toEqualTypeOf<{ id: number }>();
  });

  it("builds a link from the parameter", async () => {
    const router = await routerAt("/");
    // Links are checked against the registered tree (router.ts), which this route is not yet in.
    const to = {
      to: "/overenskommelser/$id",
      params: { id: 7 },
      search: { municipality: ["0180"] },
    };
    expect(router.buildLocation(to as never).href).toBe("/overenskommelser/7?municipality=0180");
  });
});
