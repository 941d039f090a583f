import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import { describe, expect, it } from "vitest";
import { createSharedWindowLimiter } from "./rate-limit";

/**
 * Several API instances on one database (docs/scaling.md): each has its own limiter object, and
 * the counts are the database's. Two limiters here are two instances.
 */
describe.each(testDatabases())("the shared rate limit on $name", (target) => {
  const database = useMigratedDatabase(target);

  function instances(limiter: string, limit: number, now?: () => number) {
    const options = { limiter, limit, ...(now === undefined ? {} : { now }) };
    return [
      createSharedWindowLimiter(database().db, options),
      createSharedWindowLimiter(database().db, options),
    ] as const;
  }

  it("allows the limit once across two instances, not once on each", async () => {
    const [a, b] = instances("two-instances", 3);
    const decisions = [];
    for (const limiter of [a, b, a, b, a]) decisions.push(await limiter.hit("anna"));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
    const refused = decisions[3];
    expect(refused?.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(0);
    // Another user has a limit of their own.
    expect((await b.hit("bo")).allowed).toBe(true);
  });

  it("allows exactly the limit when the instances' requests arrive at once", async () => {
    const [a, b] = instances("at-once", 7);
    const decisions = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).hit("anna")),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(7);
  });

  it("lets requests through again as the window slides on", async () => {
    let at = Date.parse("2026-12-04T08:00:30Z");
    const [a, b] = instances("sliding", 2, () => at);
    expect((await a.hit("anna")).allowed).toBe(true);
    expect((await b.hit("anna")).allowed).toBe(true);
    const refused = await a.hit("anna");
    expect(refused.allowed).toBe(false);
    // Two minutes on, neither window counts any more.
    at += 120_000;
    expect((await b.hit("anna")).allowed).toBe(true);
  });
});
