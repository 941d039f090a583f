import {
  auditContext,
  type Database,
  liftEscalation,
  raiseEscalation,
  resolveEscalation,
} from "@samsyn/db";
import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import type { DisclosureMode, Scope } from "@samsyn/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../lib/logging";
import { authed, importAgreementCounty, testApp, testScope } from "../../testing";
import { createAuditBuffer } from "../metrics/metric-audit";

const lan = testScope("lan", [], "lena");
const ledning = testScope("ledning", ["stockholms_stad"], "leif");
const samordnare = testScope("samordnare", ["stockholms_stad"], "sam");
const at = (date: string) => new Date(`${date}T10:00:00Z`);
const stockholm = ["stockholms_stad", "region_stockholm"];

/** An escalation's way: raised, lifted, resolved on these days. */
interface Story {
  readonly organisations: readonly string[];
  readonly openedOn: string;
  readonly lifts: readonly string[];
  readonly resolvedOn: string | null;
}

/**
 * Between Stockholm and the region, in Q1 2026: six resolved at level 1 (after 27..32 days), two
 * at level 2, three open at level 3. And one of Nacka's, open at level 1, that Stockholm's
 * ledning does not count.
 */
const stories: Story[] = [
  ...[1, 2, 3, 4, 5, 6].map((day) => ({
    organisations: stockholm,
    openedOn: "2026-01-05",
    lifts: [],
    resolvedOn: `2026-02-0${day}`,
  })),
  ...[1, 2].map((day) => ({
    organisations: stockholm,
    openedOn: "2026-01-05",
    lifts: ["2026-01-15"],
    resolvedOn: `2026-03-0${day}`,
  })),
  ...[1, 2, 3].map(() => ({
    organisations: stockholm,
    openedOn: "2026-02-01",
    lifts: ["2026-02-10", "2026-03-01"],
    resolvedOn: null,
  })),
  {
    organisations: ["nacka_kommun", "region_stockholm"],
    openedOn: "2026-02-01",
    lifts: [],
    resolvedOn: null,
  },
];

async function tell(database: Database, story: Story): Promise<void> {
  const ctx = () => auditContext(lan, "fixture");
  const raised = await raiseEscalation(
    database.db,
    lan,
    ctx(),
    { about: { kind: "routine" }, organisations: story.organisations, question: "Vem ansvarar?" },
    at(story.openedOn),
  );
  if (!raised.ok) throw new Error("not raised");
  const { id } = raised.value;
  for (const day of story.lifts)
    await liftEscalation(database.db, lan, ctx(), id, { note: "Lyfts." }, at(day));
  if (story.resolvedOn !== null)
    await resolveEscalation(
      database.db,
      lan,
      ctx(),
      id,
      { resolution: "Löst." },
      at(story.resolvedOn),
    );
}

interface Cell {
  level?: number;
  open: number | null;
  resolved: number | null;
  medianDaysToResolution: number | null;
  suppressed: boolean;
  withheld: string[];
}
interface Answer {
  k: number;
  disclosure: string;
  view: string;
  from: string | null;
  to: string;
  groupBy: string[];
  cells: Cell[];
  total: Cell;
  shareResolvedAtLevel1: number | null;
}

describe.each(testDatabases())("GET /metrics/escalations on $name", (target) => {
  const database = useMigratedDatabase(target);
  const q1 = "/api/v1/metrics/escalations?from=2026-01-01&to=2026-03-31";

  beforeAll(async () => {
    await importAgreementCounty(database());
    for (const story of stories) await tell(database(), story);
  });

  async function read(path: string, scope: Scope, disclosure: DisclosureMode = "suppression") {
    const res = await authed(testApp(database(), {}, { disclosure }), path, {}, scope);
    expect(res.status).toBe(200);
    return (await res.json()) as Answer;
  }

  it("withholds the small counts and a second cell along the level line, in the suppression mode", async () => {
    const answer = await read(`${q1}&groupBy=level`, ledning);
    const resolvedWithheld = {
      resolved: null,
      medianDaysToResolution: null,
      suppressed: true,
      withheld: ["resolved", "medianDaysToResolution"],
    };
    expect(answer).toEqual({
      k: 5,
      disclosure: "suppression",
      view: "own",
      from: "2026-01-01",
      to: "2026-03-31",
      groupBy: ["level"],
      cells: [
        // Two resolved at level 2 are withheld; the six at level 1 would give them away.
        { level: 1, open: 0, ...resolvedWithheld },
        { level: 2, open: 0, ...resolvedWithheld },
        {
          level: 3,
          open: null,
          resolved: 0,
          medianDaysToResolution: null,
          suppressed: true,
          withheld: ["open"],
        },
      ],
      // Eight resolved: 27..32 days at level 1, 55 and 56 at level 2.
      total: {
        open: null,
        resolved: 8,
        medianDaysToResolution: 30.5,
        suppressed: true,
        withheld: ["open"],
      },
      shareResolvedAtLevel1: null,
    });
  });

  it("counts the escalations the caller may read: lan the county, ledning its organisations'", async () => {
    const own = await read(q1, ledning);
    const county = await read(q1, lan);
    expect(own.cells).toEqual([own.total]);
    expect(own.total).toMatchObject({ open: null, resolved: 8 });
    expect(county).toMatchObject({ view: "county", groupBy: [] });
    // With Nacka's, four open: still fewer than k.
    expect(county.total).toMatchObject({ open: null, resolved: 8 });
    const nacka = await read(q1, testScope("ledning", ["nacka_kommun"]));
    expect(nacka.total).toMatchObject({ open: null, resolved: 0 });
    expect(nacka.cells).toEqual([
      {
        open: null,
        resolved: 0,
        medianDaysToResolution: null,
        suppressed: true,
        withheld: ["open"],
      },
    ]);
  });

  it("perturbs each count by its cell key in the cellkey mode, never publishing 1..k−1", async () => {
    const answer = await read(`${q1}&groupBy=level`, ledning, "cellkey");
    expect(answer.disclosure).toBe("cellkey");
    const [level1, level2, level3] = answer.cells;
    expect(level1?.resolved).toBeGreaterThanOrEqual(5);
    expect(level1?.resolved).toBeLessThanOrEqual(7);
    expect(level1?.medianDaysToResolution).toBe(29.5);
    expect(level2).toMatchObject({ open: 0, resolved: null, medianDaysToResolution: null });
    expect(level3).toMatchObject({ open: null, resolved: 0 });
    expect(answer.total.open).toBeNull();
    expect(Math.abs((answer.total.resolved ?? 0) - 8)).toBeLessThanOrEqual(2);
    // The same escalations always give the same numbers.
    expect(await read(`${q1}&groupBy=level`, ledning, "cellkey")).toEqual(answer);
  });

  it("publishes the share at level 1 from the published counts once the level table allows it", async () => {
    // Until the end of February: the six at level 1 are all that is resolved.
    const answer = await read(
      "/api/v1/metrics/escalations?from=2026-01-01&to=2026-02-28&groupBy=level",
      ledning,
    );
    expect(answer.cells.find((c) => c.level === 1)).toMatchObject({
      resolved: 6,
      medianDaysToResolution: 29.5,
    });
    expect(answer.shareResolvedAtLevel1).toBe(1);
  });

  it("refuses a groupBy other than level, a period backwards and broken months (not for samordnare)", async () => {
    const app = testApp(database());
    const status = async (query: string, scope: Scope = lan) =>
      (await authed(app, `/api/v1/metrics/escalations${query}`, {}, scope)).status;
    expect(await status("?groupBy=step")).toBe(400);
    expect(await status("?from=2026-03-01&to=2026-01-31")).toBe(400);
    expect(await status("?from=2026-01-15&to=2026-03-31")).toBe(400);
    expect(await status("?to=2026-02-30")).toBe(400);
    expect(await status("?from=2026-01-15&to=2026-03-20", samordnare)).toBe(200);
    expect(await status("")).toBe(200);
  });

  it("records each read as a metric read that published the escalations", async () => {
    const buffer = createAuditBuffer(database(), silentLogger(), { flushMs: 600_000 });
    const audited = testApp(database(), { auditBuffer: buffer });
    // A caller of its own: the other tests' reads are audited too, whenever their batch is due.
    const reader = testScope("ledning", ["stockholms_stad"], "lisa");
    const res = await authed(audited, `${q1}&groupBy=level`, {}, reader);
    expect(res.status).toBe(200);
    await buffer.flush();
    const log = await authed(testApp(database()), "/api/v1/audit-log?action=metric.read");
    const rows = (
      (await log.json()) as {
        items: {
          actor: string;
          objectId: string;
          details: { published?: string[]; params?: string[] };
        }[];
      }
    ).items;
    const row = rows.find(
      (r) => r.actor === "lisa" && r.objectId === "/api/v1/metrics/escalations",
    );
    expect(row?.details.published).toEqual(["escalations"]);
    expect(row?.details.params).toEqual(["from=2026-01-01", "groupBy=level", "to=2026-03-31"]);
  });
});
