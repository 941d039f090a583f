import {
  evaluationEvents,
  evaluationGroups,
  evaluationItems,
  evaluations,
  evaluationVotes,
  forumActions,
  organisations as organisationRows,
} from "@samsyn/db";
import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import {
  DEFAULT_DEMO_AS_OF,
  demoEvaluations,
  RECURRING_DEMO_THEME,
  SODERTALJE_FORUM,
} from "@samsyn/demo-data";
import { type MunicipalityCode, type OrganisationCode, stockholmDate } from "@samsyn/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { authed, testApp, testScope, testSecret } from "../testing";
import { loadDemoEvaluations } from "./demo-evaluations";
import { loadDemoForums } from "./demo-forums";

const asOf = DEFAULT_DEMO_AS_OF;
const admin = testScope("admin", [], "adam");

/** The demo county's organisations, without its cases: all the evaluations and forums name. */
const organisations = [
  ["RS", "Region Stockholm", "region", null],
  ["K0180", "Stockholms stad", "kommun", "0180"],
  ["K0181", "Södertälje kommun", "kommun", "0181"],
  ["K0126", "Huddinge kommun", "kommun", "0126"],
  ["K0182", "Nacka kommun", "kommun", "0182"],
  ["FK", "Försäkringskassan", "forsakringskassan", null],
  ["AF", "Arbetsförmedlingen", "arbetsformedlingen", null],
] as const;

interface Summary {
  id: string;
  phase: string;
  anonymous: boolean;
  organisations: string[];
}

describe.each(testDatabases())("the demo county's evaluations on $name", (target) => {
  const database = useMigratedDatabase(target);
  const get = async <T>(path: string): Promise<T> => {
    const res = await authed(testApp(database()), `/api/v1${path}`, {}, admin);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  let loaded = { sessions: 0, actions: 0 };

  beforeAll(async () => {
    await database()
      .db.insert(organisationRows)
      .values(
        organisations.map(([code, name, principalType, municipalityCode]) => ({
          code: code as OrganisationCode,
          name,
          principalType,
          municipalityCode: municipalityCode as MunicipalityCode | null,
        })),
      );
    await loadDemoForums(database(), asOf);
    loaded = await loadDemoEvaluations(database(), testSecret, asOf);
  }, 300_000);

  it("holds two years of sessions, all closed but today's, which collects", async () => {
    const planned = demoEvaluations(asOf);
    expect(loaded.sessions).toBe(planned.length);
    const { items } = await get<{ items: Summary[] }>("/evaluations");
    expect(items).toHaveLength(planned.length);
    expect(items.filter((s) => s.phase === "collect")).toHaveLength(1);
    expect(items.filter((s) => s.phase === "closed")).toHaveLength(planned.length - 1);
    expect(items.some((s) => s.anonymous)).toBe(true);
    const rows = await database().db.select().from(evaluations);
    const days = rows.map((r) => r.createdAt.toISOString().slice(0, 10)).sort();
    expect(days[0]).toBe(planned[0]?.heldOn);
  });

  it("dates every item, group, vote, change and lifted action on the day its session was held", async () => {
    const db = database().db;
    const heldOn = new Map(
      (await db.select().from(evaluations)).map((s) => [
        s.id,
        stockholmDate(s.createdAt.getTime()),
      ]),
    );
    expect(new Set(heldOn.values())).toEqual(new Set(demoEvaluations(asOf).map((s) => s.heldOn)));
    const rows = [
      ...(await db.select().from(evaluationItems)),
      ...(await db.select().from(evaluationGroups)),
      ...(await db.select().from(evaluationVotes)),
      ...(await db.select().from(evaluationEvents)),
    ];
    const actions = (await db.select().from(forumActions)).flatMap((a) =>
      a.sourceKind === "evaluation" && a.sourceId !== null
        ? [{ evaluationId: a.sourceId, createdAt: a.createdAt }]
        : [],
    );
    // Each kind of row is there: a check over an empty table would prove nothing.
    expect(await db.select().from(evaluationGroups)).not.toHaveLength(0);
    expect(await db.select().from(evaluationVotes)).not.toHaveLength(0);
    expect(actions).toHaveLength(loaded.actions);
    const misdated = [...rows, ...actions].filter(
      (r) => stockholmDate(r.createdAt.getTime()) !== heldOn.get(r.evaluationId),
    );
    expect(misdated).toEqual([]);
  });

  it("stores no author in an anonymous session, and the participant elsewhere", async () => {
    const sessions = await database().db.select().from(evaluations);
    const anonymous = new Set(sessions.filter((s) => s.anonymous).map((s) => s.id));
    const rows = (await database().db.select().from(evaluationItems)).map((item) => ({
      anonymous: anonymous.has(item.evaluationId),
      author: item.author,
    }));
    expect(rows.filter((r) => r.anonymous).every((r) => r.author === null)).toBe(true);
    expect(rows.filter((r) => !r.anonymous).every((r) => r.author?.startsWith("demo-"))).toBe(true);
  });

  it("lifts improvements to actions of the demo forums, some done", async () => {
    const expected = demoEvaluations(asOf).flatMap((s) => s.lifts);
    expect(loaded.actions).toBe(expected.length);
    const { items: forums } = await get<{ items: { id: string }[] }>("/forums");
    const actions: { status: string; source: { kind: string } }[] = [];
    for (const forum of forums) {
      const page = await get<{ items: typeof actions }>(`/forums/${forum.id}/actions`);
      actions.push(...page.items.filter((a) => a.source.kind === "evaluation"));
    }
    expect(actions).toHaveLength(expected.length);
    expect(actions.filter((a) => a.status === "done")).toHaveLength(
      expected.filter((l) => l.doneOn !== null).length,
    );
    expect(actions.some((a) => a.status === "open")).toBe(true);
  });

  it("puts the recurring improvement theme on Södertälje's next suggested agenda", async () => {
    const { items: forums } = await get<{ items: { id: string; name: string }[] }>("/forums");
    const forum = forums.find((f) => f.name === SODERTALJE_FORUM);
    if (forum === undefined) throw new Error("no Södertälje forum");
    const { items: meetings } = await get<{ items: { id: string; status: string }[] }>(
      `/forums/${forum.id}/meetings`,
    );
    const next = meetings.find((m) => m.status === "planned");
    if (next === undefined) throw new Error("no planned meeting");
    const agenda = await get<{
      signals: { kind: string; ref: string; figure: { sessions: number } }[];
    }>(`/forums/${forum.id}/meetings/${next.id}/suggested-agenda`);
    const signal = agenda.signals.find(
      (s) => s.kind === "improvement_theme" && s.ref === RECURRING_DEMO_THEME,
    );
    expect(signal?.figure.sessions).toBeGreaterThanOrEqual(3);
  });
});
