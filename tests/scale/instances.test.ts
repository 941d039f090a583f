import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSamsyn, runCli, startSamsyn } from "../support/samsyn-process";
import {
  createThrowawayPostgres,
  postgresAvailable,
  type ThrowawayPostgres,
} from "../support/throwaway-postgres";

/**
 * Issue 20, "Several API instances on one database": two `samsyn serve` processes on one fresh
 * PostgreSQL database, as behind a load balancer that sends each request wherever it likes. An
 * import started on A is polled on B; a user's rate limit is counted once across both. (Live
 * boards across instances: tests/integration/live-board.test.ts; dashboard sessions:
 * tests/scale/oidc-sessions.test.ts.)
 */
describe.skipIf(!postgresAvailable)("two Samsyn instances on one PostgreSQL", () => {
  const secret = "a-test-secret-that-is-at-least-32-characters";
  /** Per user and minute, on both instances together. */
  const perUserLimit = 40;
  let pg: ThrowawayPostgres;
  let a: RunningSamsyn;
  let b: RunningSamsyn;
  let work: string;

  beforeAll(async () => {
    pg = await createThrowawayPostgres();
    await pg.start();
    work = await mkdtemp(join(tmpdir(), "samsyn-instances-"));
    const env = {
      DATABASE_URL: pg.url,
      SAMSYN_SECRET: secret,
      SAMSYN_RATE_LIMIT_PER_MINUTE: String(perUserLimit),
      // Health polls and sign-ins come from one address; the per-IP limit is not tested here.
      SAMSYN_IP_RATE_LIMIT_PER_MINUTE: "100000",
    };
    const [migrated, demo] = await Promise.all([
      runCli(["migrate"], env),
      runCli(["demo-data", "--out", join(work, "demo"), "--cases", "300", "--seed", "22"]),
    ]);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(demo.code, demo.stderr).toBe(0);
    [a, b] = await Promise.all([startSamsyn("serve", env), startSamsyn("serve", env)]);
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await pg?.remove();
    if (work !== undefined) await rm(work, { recursive: true, force: true });
  });

  async function signIn(url: string, sub: string): Promise<string> {
    const res = await fetch(`${url}/api/v1/dev/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ role: "admin", orgs: [], sub }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  }

  const get = (instance: RunningSamsyn, path: string, token: string) =>
    fetch(`${instance.url}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });

  it("answers a poll on B for an import started on A, to its report", async () => {
    const token = await signIn(a.url, "import.owner");
    const upload = new FormData();
    for (const name of ["units", "cases", "events"]) {
      const bytes = await readFile(join(work, "demo", `${name}.csv`));
      upload.append(name, new Blob([bytes]), `${name}.csv`);
    }
    const posted = await fetch(`${a.url}/api/v1/imports?mode=commit`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
      body: upload,
    });
    expect(posted.status, await posted.clone().text()).toBe(202);
    const { job } = (await posted.json()) as { job: { id: string } };

    // At once, before the job has done anything much: B finds it.
    const first = await get(b, `/imports/jobs/${job.id}`, token);
    expect(first.status, await first.clone().text()).toBe(200);
    // Twice a second: the user's polls count against their limit as any request does.
    await expect
      .poll(
        async () =>
          ((await (await get(b, `/imports/jobs/${job.id}`, token)).json()) as { state: string })
            .state,
        { interval: 500 },
      )
      .toBe("done");
    const done = (await (await get(b, `/imports/jobs/${job.id}`, token)).json()) as {
      report: { ok: boolean; counts?: unknown };
    };
    expect(done.report.ok).toBe(true);
    // Another user's job is as absent on B as on A.
    const other = await signIn(b.url, "someone.else");
    expect((await get(b, `/imports/jobs/${job.id}`, other)).status).toBe(404);
  });

  it("counts a user's requests once across both instances", async () => {
    const token = await signIn(a.url, "rate.limited");
    const statuses = [];
    for (let i = 0; i < perUserLimit + 2; i++) {
      statuses.push((await get(i % 2 === 0 ? a : b, "/me", token)).status);
    }
    // Per instance, each would have let 40 through (80 in all); together they let 40.
    expect(statuses).toEqual([...Array(perUserLimit).fill(200), 429, 429]);
    const refused = await get(b, "/me", token);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another user is not held back by this one.
    expect((await get(b, "/me", await signIn(b.url, "another.user"))).status).toBe(200);
  });
});
