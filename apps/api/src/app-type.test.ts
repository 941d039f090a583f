import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import type { Dimension } from "@samsyn/domain";
import { hc, type InferResponseType } from "hono/client";
import { describe, expect, it } from "vitest";
import type { AppType } from ".";
import { testApp, testScope, tokenFor } from "./testing";

/**
 * `AppType` is what the dashboard's client is typed from: every resource's routes chained into
 * it. Here the typed client talks to the app itself (its fetch is `app.request`), so a route
 * missing from the chain fails to compile, and one that answers differently fails the test.
 */
describe.each(testDatabases())("the typed client (hono/client) on $name", (target) => {
  const database = useMigratedDatabase(target);

  async function client(role: "lan" | "samordnare") {
    const app = testApp(database());
    const token = await tokenFor(testScope(role, role === "lan" ? [] : ["stockholms_stad"]));
    return hc<AppType>("http://samsyn.test", {
      fetch: async (input: string | URL | Request, init?: RequestInit) => app.request(input, init),
      headers: { Authorization: `Bearer ${token}` },
    }).api.v1;
  }

  it("reaches a metric with typed parameters and a typed answer", async () => {
    const api = await client("lan");
    const res = await api.metrics.cases.$get({ query: { groupBy: "targetGroup,step" } });
    expect(res.status).toBe(200);
    if (res.status !== 200) return;
    const body = await res.json();
    // The dimensions come back as the domain's Dimension, not as any string.
    const groupBy: Dimension[] = body.groupBy;
    expect(groupBy).toEqual(["targetGroup", "step"]);
    expect(body).toMatchObject({ k: 5, view: "county", cells: [] });
  });

  it("types each answer by its route: who am I, the catalogues, the case list", async () => {
    const api = await client("samordnare");
    const me: InferResponseType<typeof api.me.$get, 200> = await (await api.me.$get()).json();
    expect(me).toEqual({ sub: "test-samordnare", role: "samordnare", orgs: ["stockholms_stad"] });
    const catalogues = await api.catalogues.$get({ query: { locale: "sv" } });
    expect(catalogues.status).toBe(200);
    const stuck = await api.cases.$get({ query: { stuck: "true" } });
    expect(stuck.status).toBe(200);
    if (stuck.status === 200) expect(await stuck.json()).toEqual({ items: [], total: 0 });
  });

  it("answers a refusal in the error shape, which the client reads as a failure", async () => {
    const api = await client("lan");
    const res = await api.cases.$get({ query: {} });
    // Refusals are thrown and shaped by onError, so a route's types hold only its successes:
    // the dashboard checks `ok` before it trusts the type (api/client.ts, `answer`).
    expect(res.ok).toBe(false);
    expect(res.status).toBe(403);
    expect(JSON.parse(await res.text())).toMatchObject({ error: { code: "forbidden" } });
  });
});
