import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importDirectory } from "@samsyn/db";
import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import { DEFAULT_DEMO_AS_OF, demoForums, generateDemoCounty } from "@samsyn/demo-data";
import { beforeAll, describe, expect, it } from "vitest";
import { authed, testApp, testScope, testSecret } from "../testing";
import { loadDemoForums } from "./demo-forums";
import { loadDemoRegister } from "./demo-register";

const asOf = DEFAULT_DEMO_AS_OF;
const lan = testScope("lan", [], "lena");

interface Meeting {
  id: string;
  date: string;
  status: string;
  followUp: { id: string; carriedFrom: string | null; daysOverdue: number }[];
  actions: { id: string; link: unknown }[];
}

describe.each(testDatabases())("the demo county's forums and escalations on $name", (target) => {
  const database = useMigratedDatabase(target);
  const get = async <T>(path: string): Promise<T> => {
    const res = await authed(testApp(database()), `/api/v1${path}`, {}, lan);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  let loaded = { forums: 0, escalations: 0 };

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), "samsyn-demo-forums-"));
    try {
      await generateDemoCounty({ outDir: dir, seed: 1, cases: 300, asOf });
      const report = await importDirectory(database(), { dir, secret: testSecret });
      if (!report.ok) throw new Error("demo import failed");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await loadDemoRegister(database(), asOf);
    loaded = await loadDemoForums(database(), asOf);
  }, 300_000);

  it("has a länsnivå forum and two local ones, with a year of meetings each", async () => {
    expect(loaded.forums).toBe(3);
    const { items } = await get<{ items: { id: string; level: string }[] }>("/forums");
    expect(items.map((f) => f.level).sort()).toEqual(["lan", "lokal", "lokal"]);
    for (const forum of items) {
      const meetings = (await get<{ items: Meeting[] }>(`/forums/${forum.id}/meetings`)).items;
      expect(meetings.length).toBeGreaterThanOrEqual(12);
      expect(new Set(meetings.map((m) => m.status))).toEqual(
        new Set(["justerat", "held", "planned"]),
      );
    }
  });

  it("carries open actions into the next meeting, some overdue, some linked to a figure", async () => {
    const { items } = await get<{ items: { id: string }[] }>("/forums");
    let overdue = 0;
    let linked = 0;
    for (const forum of items) {
      const meetings = (await get<{ items: Meeting[] }>(`/forums/${forum.id}/meetings`)).items;
      const planned = meetings.find((m) => m.status === "planned");
      if (planned === undefined) throw new Error("no planned meeting");
      const next = await get<Meeting>(`/forums/${forum.id}/meetings/${planned.id}`);
      overdue += next.followUp.filter((a) => a.daysOverdue > 0 && a.carriedFrom !== null).length;
      for (const meeting of meetings) {
        const whole = await get<Meeting>(`/forums/${forum.id}/meetings/${meeting.id}`);
        linked += whole.actions.filter((a) => a.link !== null).length;
      }
    }
    expect(overdue).toBeGreaterThan(0);
    const planned = demoForums(asOf).flatMap((f) => f.meetings.flatMap((m) => m.actions));
    expect(linked).toBe(planned.filter((a) => a.link !== null).length);
  });

  it("has escalations at all three levels, open and resolved", async () => {
    expect(loaded.escalations).toBeGreaterThan(10);
    const { items } = await get<{ items: { level: number; status: string }[] }>("/escalations");
    expect(items).toHaveLength(loaded.escalations);
    expect(new Set(items.map((e) => e.level))).toEqual(new Set([1, 2, 3]));
    expect(items.some((e) => e.level === 3 && e.status === "open")).toBe(true);
    expect(items.some((e) => e.status === "resolved")).toBe(true);
  });
});
