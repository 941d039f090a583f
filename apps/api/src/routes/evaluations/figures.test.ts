import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importDirectory } from "@samsyn/db";
import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import { generateDemoCounty } from "@samsyn/demo-data";
import { stockholmDate } from "@samsyn/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authed, jsonInit, testApp, testScope, testSecret } from "../../testing";

/** A ledning of Stockholms stad and the region: the session's organisations are its own. */
const ledning = testScope("ledning", ["K0180", "RS"], "lotta");
const app = (database: Parameters<typeof testApp>[0]) =>
  testApp(database, {}, { disclosure: "suppression", k: 5 });
const process = "intern_samsjuklighet";
const period = { from: "2021-01-01", to: "2025-06-30" };
const focus = [2, 3];

interface FlowCell {
  fromStep: number;
  toStep: number;
  count: number | null;
  suppressed: boolean;
}
interface Figures {
  from: string;
  to: string;
  asOf: string;
  process: string | null;
  steps: number[];
  leadTimes: { fromStep: number; toStep: number; cells: unknown[] }[];
  stuck: unknown[];
  flow: FlowCell[];
}

describe.each(testDatabases())("the figures beside an evaluation board on $name", (target) => {
  const database = useMigratedDatabase(target);
  let demoDir: string;
  const call = (path: string, init: RequestInit = {}) =>
    authed(app(database()), `/api/v1${path}`, init, ledning);
  const read = async <T>(path: string): Promise<T> => {
    const res = await call(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  const session = async (more: Record<string, unknown>) => {
    const res = await call(
      "/evaluations",
      jsonInit("POST", {
        title: "Utvärdering av samverkan kring samsjuklighet",
        organisations: ["K0180", "RS"],
        ...period,
        anonymous: false,
        votesPerParticipant: 3,
        ...more,
      }),
    );
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  beforeAll(async () => {
    demoDir = await mkdtemp(join(tmpdir(), "samsyn-evaluation-figures-"));
    await generateDemoCounty({ outDir: demoDir, cases: 600, seed: 5 });
    const report = await importDirectory(database(), { dir: demoDir, secret: testSecret });
    if (!report.ok) throw new Error("demo import failed");
  }, 300_000);

  afterAll(async () => {
    await rm(demoDir, { recursive: true, force: true });
  });

  it("shows the flow through the steps in focus: GET /metrics/flow's cells for the same cases", async () => {
    const id = await session({ process, steps: focus });
    const figures = await read<Figures>(`/evaluations/${id}/figures`);
    const metric = await read<{ cells: FlowCell[] }>(
      `/metrics/flow?process=${process}&from=${period.from}&to=${period.to}&asOf=${period.to}`,
    );
    const throughFocus = metric.cells.filter(
      (c) => focus.includes(c.fromStep) || focus.includes(c.toStep),
    );
    // Both ways round: no transition of the focus left out, none of the other steps let in.
    expect(figures.flow).toEqual(throughFocus);
    expect(throughFocus.length).toBeLessThan(metric.cells.length);
    // The demo's cases move through steps 2 and 3: a published count, not only withheld cells.
    expect(figures.flow.some((c) => typeof c.count === "number" && c.count > 0)).toBe(true);
  });

  it("says the date its figures are as of: the period's end once past, today while its last month lasts", async () => {
    const past = await read<Figures>(`/evaluations/${await session({ process })}/figures`);
    expect(past).toMatchObject({ from: period.from, to: period.to, asOf: period.to });

    const today = stockholmDate(Date.now());
    const running = await session({ process, from: `${today.slice(0, 7)}-01`, to: today });
    const figures = await read<Figures>(`/evaluations/${running}/figures`);
    // The whole month is asked for, so that sessions a day apart cannot be differenced; but a
    // heading must not promise the days still to come.
    expect(figures.to.slice(0, 7)).toBe(today.slice(0, 7));
    expect(figures.to >= today).toBe(true);
    expect(figures.asOf).toBe(today);
  });

  it("shows the lead times of the steps in focus as GET /metrics/lead-times does", async () => {
    const id = await session({ process, steps: focus });
    const figures = await read<Figures>(`/evaluations/${id}/figures`);
    const first = figures.leadTimes.find((l) => l.fromStep === 2);
    if (first === undefined) throw new Error("no lead time from step 2");
    const metric = await read<{ cells: unknown[] }>(
      `/metrics/lead-times?process=${process}&fromStep=2&toStep=${first.toStep}&from=${period.from}&to=${period.to}&asOf=${period.to}`,
    );
    expect(first.cells).toEqual(metric.cells);
  });

  it("reads a session chosen to the day over the whole months it touches: no differencing by a day", async () => {
    const daily = await read<Figures & { from: string; to: string }>(
      `/evaluations/${await session({ process, steps: focus, from: "2021-01-15", to: "2025-06-10" })}/figures`,
    );
    const dayLater = await read<Figures & { from: string; to: string }>(
      `/evaluations/${await session({ process, steps: focus, from: "2021-01-16", to: "2025-06-11" })}/figures`,
    );
    const monthly = await read<Figures & { from: string; to: string }>(
      `/evaluations/${await session({ process, steps: focus })}/figures`,
    );
    expect(daily).toMatchObject({ from: period.from, to: period.to });
    for (const figures of [daily, dayLater]) {
      expect(figures.flow).toEqual(monthly.flow);
      expect(figures.leadTimes).toEqual(monthly.leadTimes);
      expect(figures.stuck).toEqual(monthly.stuck);
    }
  });

  it("answers empty figures for a session without a process", async () => {
    const id = await session({});
    const figures = await read<Figures>(`/evaluations/${id}/figures`);
    expect(figures).toMatchObject({ process: null, leadTimes: [], stuck: [], flow: [] });
  });

  it("trends themes by process and step, telling the same step of two processes apart", async () => {
    const inProcess = async (p: string) => {
      const id = await session({ process: p, steps: [3] });
      for (let i = 0; i < 5; i++) {
        const res = await call(
          `/evaluations/${id}/items`,
          jsonInit("POST", {
            kind: "improve",
            text: `Kallelsen till mötet kom sent, gång ${i + 1}`,
            theme: "kommunikation",
            step: 3,
          }),
        );
        expect(res.status).toBe(201);
      }
    };
    await inProcess("sip");
    await inProcess(process);
    const byProcess = await read<{ cells: { process?: string | null; step?: number | null }[] }>(
      "/evaluations/themes?groupBy=process,step",
    );
    expect(byProcess.cells).toEqual([
      { process, step: 3, workedWell: 0, improve: 5, suppressed: false, withheld: [] },
      { process: "sip", step: 3, workedWell: 0, improve: 5, suppressed: false, withheld: [] },
    ]);
    const byStep = await read<{ cells: unknown[] }>("/evaluations/themes?groupBy=step");
    expect(byStep.cells).toEqual([
      { step: 3, workedWell: 0, improve: 10, suppressed: false, withheld: [] },
    ]);
  });
});
