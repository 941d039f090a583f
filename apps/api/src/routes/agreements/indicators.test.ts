import {
  aCase,
  anEvent,
  aUnit,
  type CaseRecord,
  type EventRecord,
  testDatabases,
  useMigratedDatabase,
} from "@samsyn/db/testing";
import type { DisclosureMode } from "@samsyn/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../lib/logging";
import { authed, importAgreementCounty, jsonInit, testApp, testScope } from "../../testing";
import { createAuditBuffer } from "../metrics/metric-audit";

const lan = testScope("lan", [], "lena");
const ledning = testScope("ledning", ["stockholms_stad"], "leif");
const solnaLedning = testScope("ledning", ["solna_stad"], "sara");
const nackaLedning = testScope("ledning", ["nacka_kommun"], "nina");
const personnummer = "19121212-1212";
const asOf = "2026-11-30";

const agreementBody = {
  title: "Överenskommelse om samsjuklighet, Stockholm och Solna",
  level: "lokal",
  parties: ["stockholms_stad", "solna_stad", "region_stockholm"],
  targetGroups: ["samsjuklighet"],
  municipalities: ["0180", "0184"],
  validFrom: "2026-01-01",
  validTo: null,
  sections: [{ kind: "sip", title: "SIP", text: "Kallelse inom fem arbetsdagar." }],
};

/** Cases in Stockholm, one more every 10 days of 2026, and two in Solna: too few to publish. */
function county(): { cases: CaseRecord[]; events: EventRecord[] } {
  const cases: CaseRecord[] = [];
  const events: EventRecord[] = [];
  for (let i = 0; i < 34; i++) {
    const opened = new Date(Date.UTC(2026, 0, 1 + i * 10)).toISOString().slice(0, 10);
    const ref = `IND-${i}`;
    cases.push(aCase({ case_ref: ref, opened_on: opened }));
    events.push(anEvent({ case_ref: ref, occurred_at: opened, step: "1" }));
    // Step 3 after 5..24 days: lead times to publish a median and a p90 for.
    const later = new Date(Date.parse(`${opened}T00:00:00Z`) + (5 + (i % 20)) * 86_400_000);
    if (i % 3 !== 0)
      events.push(
        anEvent({ case_ref: ref, occurred_at: later.toISOString().slice(0, 10), step: "3" }),
      );
  }
  for (const i of [1, 2]) {
    const ref = `SOLNA-${i}`;
    cases.push(
      aCase({
        case_ref: ref,
        opened_on: "2026-03-01",
        municipality_code: "0184",
        initiating_unit: "solna_soc",
      }),
    );
    events.push(anEvent({ case_ref: ref, occurred_at: "2026-03-01", step: "1" }));
  }
  return { cases, events };
}

interface Reading {
  value: number | null;
  suppressed: boolean;
  met: boolean | null;
}
interface IndicatorValues {
  id: string;
  name: string;
  metric: string;
  current: Reading;
  months: (Reading & { month: string })[];
}
interface ErrorBody {
  error: { code: string; details: { path: string; message: string }[] };
}

const countIndicator = {
  name: "Ärenden med samsjuklighet",
  kind: "precondition",
  metric: "cases",
  params: { targetGroup: ["samsjuklighet"], status: "all" },
  figure: "count",
  target: { value: 20, direction: "at_least" },
};
const leadTimeIndicator = {
  name: "Dagar till steg 3",
  kind: "process",
  metric: "lead-times",
  params: { process: "intern_samsjuklighet", fromStep: 1, toStep: 3 },
  figure: "median",
  target: { value: 10, direction: "at_most" },
};

describe.each(testDatabases())("an agreement's indicators on $name", (target) => {
  const database = useMigratedDatabase(target);
  let agreementId = "";
  let hiddenId = "";
  const app = (disclosure?: DisclosureMode) =>
    testApp(database(), {}, disclosure === undefined ? {} : { disclosure });
  const post = (path: string, payload: unknown, scope = lan) =>
    authed(app(), `/api/v1${path}`, jsonInit("POST", payload), scope);
  const get = (path: string, scope = lan, disclosure?: DisclosureMode) =>
    authed(app(disclosure), `/api/v1${path}`, {}, scope);
  const indicators = async (scope = lan, disclosure?: DisclosureMode) => {
    const res = await get(`/agreements/${agreementId}/indicators?asOf=${asOf}`, scope, disclosure);
    expect(res.status).toBe(200);
    return ((await res.json()) as { asOf: string; items: IndicatorValues[] }).items;
  };

  beforeAll(async () => {
    await importAgreementCounty(database(), {
      units: [
        aUnit({
          unit_code: "solna_soc",
          organisation_code: "solna_stad",
          organisation_name: "Solna stad",
          municipality_code: "0184",
        }),
      ],
      ...county(),
    });
    const created = await post("/agreements", agreementBody);
    agreementId = ((await created.json()) as { id: string }).id;
    const hidden = await post("/agreements", {
      ...agreementBody,
      parties: ["stockholms_stad", "region_stockholm"],
      municipalities: ["0180"],
    });
    hiddenId = ((await hidden.json()) as { id: string }).id;
  }, 120_000);

  it("adds indicators (201, the indicator as stored) and lists them oldest first", async () => {
    const count = await post(`/agreements/${agreementId}/indicators`, countIndicator);
    expect(count.status).toBe(201);
    expect(await count.json()).toMatchObject({
      ...countIndicator,
      agreementId,
      id: expect.any(String),
    });
    expect((await post(`/agreements/${agreementId}/indicators`, leadTimeIndicator)).status).toBe(
      201,
    );
    const items = await indicators();
    expect(items.map((i) => i.name)).toEqual([countIndicator.name, leadTimeIndicator.name]);
    // Like every published figure, the answer says what "withheld" means for it.
    const envelope = await get(`/agreements/${agreementId}/indicators`, lan, "suppression");
    expect(await envelope.json()).toMatchObject({ k: 5, disclosure: "suppression" });
    for (const item of items) {
      expect(item.months.map((m) => m.month)).toEqual([
        "2025-12",
        ...Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`),
      ]);
      const { month: _, ...last } = item.months.at(-1) ?? { month: "" };
      expect(last).toEqual(item.current);
    }
  });

  it.each(["cellkey", "suppression"] as const)(
    "gives each caller, in %s mode, the figure GET /metrics gives them for the same query",
    async (mode) => {
      for (const scope of [lan, ledning]) {
        const [count, lead] = await indicators(scope, mode);
        const metric = async (path: string, asOfDay: string) => {
          const res = await get(`/metrics/${path}&asOf=${asOfDay}`, scope, mode);
          expect(res.status).toBe(200);
          return res.json() as Promise<{
            total?: number | null;
            cells: { median?: number | null }[];
          }>;
        };
        for (const [i, day] of [
          [11, asOf],
          [5, "2026-05-31"],
          [1, "2026-01-31"],
        ] as const) {
          const cases = await metric("cases?targetGroup=samsjuklighet&status=all", day);
          expect(count?.months[i]?.value).toBe(cases.total);
          const leadTimes = await metric(
            "lead-times?process=intern_samsjuklighet&fromStep=1&toStep=3",
            day,
          );
          expect(lead?.months[i]?.value).toBe(leadTimes.cells[0]?.median ?? null);
        }
        // The county's 36 cases, give or take the cell-key noise: enough to say met.
        expect(count?.current.value).toBeGreaterThan(20);
        expect(count?.current.met).toBe(true);
        // Before January the period holds no case at all.
        expect(count?.months[0]?.met).toBe(false);
      }
    },
  );

  it("withholds a figure of fewer than k cases, and then says neither met nor not met", async () => {
    const solna = await post(`/agreements/${agreementId}/indicators`, {
      ...countIndicator,
      name: "Ärenden i Solna",
      params: { municipality: ["0184"], status: "all" },
      target: { value: 1, direction: "at_least" },
    });
    expect(solna.status).toBe(201);
    for (const mode of ["cellkey", "suppression"] as const) {
      for (const scope of [lan, solnaLedning]) {
        const item = (await indicators(scope, mode)).find((i) => i.name === "Ärenden i Solna");
        expect(item?.current).toEqual({ value: null, suppressed: true, met: null });
        for (const month of item?.months ?? []) {
          if (month.suppressed) expect(month).toMatchObject({ value: null, met: null });
          // Two cases are never published as a number.
          expect([0, null]).toContain(month.value);
        }
      }
    }
  });

  it("checks the parameters as the metrics API does, naming each under params.", async () => {
    const refused = async (payload: unknown) => {
      const res = await post(`/agreements/${agreementId}/indicators`, payload);
      expect(res.status).toBe(400);
      return ((await res.json()) as ErrorBody).error.details.map((d) => d.path);
    };
    expect(await refused({ ...countIndicator, params: { municpality: ["0180"] } })).toEqual([
      "params.municpality",
    ]);
    expect(await refused({ ...countIndicator, params: { asOf: "2026-01-01" } })).toEqual([
      "params.asOf",
    ]);
    expect(await refused({ ...countIndicator, params: { municipality: ["9999"] } })).toEqual([
      "params.municipality",
    ]);
    // The whole-months rule of the writer's role.
    expect(await refused({ ...countIndicator, params: { from: "2026-01-15" } })).toEqual([
      "params.from",
    ]);
    expect(
      await refused({
        ...leadTimeIndicator,
        params: { ...leadTimeIndicator.params, toStep: 99 },
      }),
    ).toEqual(["params.toStep"]);
    expect(await refused({ ...leadTimeIndicator, params: { fromStep: 1, toStep: 3 } })).toEqual([
      "params.process",
    ]);
    expect(await refused({ ...countIndicator, figure: "median" })).toEqual(["figure"]);
    expect(await refused({ ...countIndicator, colour: "röd" })).toHaveLength(1);
  });

  it("lets only lan and admin add, screens the name, and answers 404 out of sight", async () => {
    expect(
      (await post(`/agreements/${agreementId}/indicators`, countIndicator, ledning)).status,
    ).toBe(403);
    const screened = await post(`/agreements/${agreementId}/indicators`, {
      ...countIndicator,
      name: `Uppföljning av ${personnummer}`,
    });
    expect(screened.status).toBe(422);
    expect(await screened.text()).not.toContain("1212");
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await post(`/agreements/${unknown}/indicators`, countIndicator)).status).toBe(404);
    expect((await get(`/agreements/${unknown}/indicators`)).status).toBe(404);
    // Nacka is no party: the agreement, its indicators and their figures are out of sight.
    expect((await get(`/agreements/${agreementId}/indicators`, nackaLedning)).status).toBe(404);
    expect((await get(`/agreements/${hiddenId}/indicators`, solnaLedning)).status).toBe(404);
  });

  it("records the read of an agreement's figures as a metric read", async () => {
    const buffer = createAuditBuffer(database(), silentLogger(), { flushMs: 600_000 });
    const audited = testApp(database(), { auditBuffer: buffer });
    const path = `/api/v1/agreements/${agreementId}/indicators`;
    const res = await authed(audited, `${path}?asOf=${asOf}`, {}, ledning);
    expect(res.status).toBe(200);
    await buffer.flush();
    const log = await authed(testApp(database()), "/api/v1/audit-log?action=metric.read");
    const rows = (
      (await log.json()) as {
        items: { actor: string; objectId: string; details: { published?: string[] } }[];
      }
    ).items;
    const row = rows.find((r) => r.actor === "leif" && r.objectId === path);
    expect(row?.details.published).toEqual(expect.arrayContaining(["caseCounts", "leadTimes"]));
  });
});
