import {
  aCase,
  anEvent,
  aUnit,
  type CaseRecord,
  type EventRecord,
  testDatabases,
  useMigratedDatabase,
} from "@samsyn/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../lib/logging";
import { authed, importAgreementCounty, jsonInit, testApp, testScope } from "../../testing";
import { createAuditBuffer } from "../metrics/metric-audit";

const lan = testScope("lan", [], "lena");
const ledning = testScope("ledning", ["stockholms_stad"], "leif");
const nackaLedning = testScope("ledning", ["nacka_kommun"], "nina");

/**
 * Twelve Stockholm cases that entered step 1 in January 2026 and never left it (target 7 days):
 * stuck on any later day. Nacka has two of its own, outside the Stockholm forum's members.
 */
function county(): { cases: CaseRecord[]; events: EventRecord[] } {
  const cases: CaseRecord[] = [];
  const events: EventRecord[] = [];
  for (let i = 0; i < 12; i++) {
    const ref = `STUCK-${i}`;
    cases.push(aCase({ case_ref: ref, opened_on: "2026-01-05" }));
    events.push(anEvent({ case_ref: ref, occurred_at: "2026-01-05", step: "1" }));
  }
  for (const i of [1, 2]) {
    const ref = `NACKA-${i}`;
    cases.push(
      aCase({
        case_ref: ref,
        opened_on: "2026-01-05",
        municipality_code: "0182",
        initiating_unit: "nacka_soc",
      }),
    );
    events.push(anEvent({ case_ref: ref, occurred_at: "2026-01-05", step: "1" }));
  }
  return { cases, events };
}

interface Signal {
  kind: string;
  ref: string;
  title: string;
  figure: Record<string, unknown>;
  link: string;
}
interface Agenda {
  k: number;
  disclosure: string;
  since: string;
  asOf: string;
  signals: Signal[];
}
interface Reading {
  date?: string;
  value: number | null;
  suppressed: boolean;
  met: boolean | null;
}

const agreement = {
  title: "Överenskommelse om samsjuklighet, Stockholm",
  level: "lokal",
  parties: ["stockholms_stad", "region_stockholm"],
  targetGroups: ["samsjuklighet"],
  municipalities: ["0180"],
  validFrom: "2025-01-01",
  validTo: null,
  sections: [{ kind: "sip", title: "SIP", text: "Kallelse inom fem arbetsdagar." }],
};
const countIndicator = (name: string, value: number) => ({
  name,
  kind: "precondition",
  metric: "cases",
  params: { targetGroup: ["samsjuklighet"], status: "all" },
  figure: "count",
  target: { value, direction: "at_least" },
});

describe.each(testDatabases())(
  "a meeting's suggested agenda and actions' figures on $name",
  (target) => {
    const database = useMigratedDatabase(target);
    const app = () => testApp(database());
    const send = (method: "POST" | "PATCH", path: string, payload: unknown, scope = lan) =>
      authed(app(), `/api/v1${path}`, jsonInit(method, payload), scope);
    const created = async (path: string, payload: unknown, scope = lan) => {
      const res = await send("POST", path, payload, scope);
      expect(res.status, `POST ${path}`).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const get = (path: string, scope = lan) => authed(app(), `/api/v1${path}`, {}, scope);
    const agenda = async (forumId: string, meetingId: string, scope = lan) => {
      const res = await get(`/forums/${forumId}/meetings/${meetingId}/suggested-agenda`, scope);
      expect(res.status).toBe(200);
      return (await res.json()) as Agenda;
    };

    let forumId = "";
    let may = "";
    let june = "";
    let quietForum = "";
    let quietMeeting = "";
    let agreementId = "";
    let offTarget = "";
    let onTarget = "";
    let overdue = "";
    let notDue = "";
    let liftedEscalation = "";
    let lowEscalation = "";
    let newDeviation = "";
    let oldDeviation = "";

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
      forumId = await created("/forums", {
        name: "Ledningsgruppen Stockholm",
        level: "lokal",
        members: ["stockholms_stad", "region_stockholm"],
        chair: "stockholms_stad",
      });
      quietForum = await created("/forums", {
        name: "Ledningsgruppen Nacka",
        level: "lokal",
        members: ["nacka_kommun", "solna_stad"],
        chair: "nacka_kommun",
      });
      may = await created(`/forums/${forumId}/meetings`, { date: "2026-05-06" });
      june = await created(`/forums/${forumId}/meetings`, { date: "2026-06-10" });
      quietMeeting = await created(`/forums/${quietForum}/meetings`, { date: "2026-06-10" });

      // An agreement in force whose review falls due before July, and a draft due as soon.
      agreementId = await created("/agreements", { ...agreement, reviewBy: "2026-06-30" });
      expect(
        (await send("POST", `/agreements/${agreementId}/status`, { status: "active" })).status,
      ).toBe(200);
      await created("/agreements", { ...agreement, title: "Utkast", reviewBy: "2026-06-30" });
      offTarget = await created(
        `/agreements/${agreementId}/indicators`,
        countIndicator("Många", 1000),
      );
      onTarget = await created(`/agreements/${agreementId}/indicators`, countIndicator("Få", 1));
      const deviation = (occurredOn: string) => ({
        kind: "tvist",
        section: "sip",
        occurredOn,
        organisations: ["stockholms_stad", "region_stockholm"],
        description: "Oenighet om kallelse.",
      });
      newDeviation = await created(
        `/agreements/${agreementId}/deviations`,
        deviation("2026-05-20"),
      );
      oldDeviation = await created(
        `/agreements/${agreementId}/deviations`,
        deviation("2026-04-01"),
      );

      // Decided in May: one due before June's meeting, one after.
      const action = (title: string, dueOn: string, link?: unknown) => ({
        title,
        owner: "region_stockholm",
        dueOn,
        ...(link === undefined ? {} : { link }),
      });
      overdue = await created(
        `/forums/${forumId}/meetings/${may}/actions`,
        action("Gemensam rutin", "2026-05-31", { kind: "indicator", indicatorId: offTarget }),
      );
      notDue = await created(
        `/forums/${forumId}/meetings/${may}/actions`,
        action("Utbildning", "2026-07-01"),
      );

      const escalation = {
        about: { kind: "routine" },
        organisations: ["stockholms_stad", "region_stockholm"],
        question: "Vem kallar till SIP vid utskrivning?",
      };
      liftedEscalation = await created("/escalations", escalation);
      for (const note of ["Till verksamhetschef.", "Till ledningsforum."]) {
        const lifted = await send("POST", `/escalations/${liftedEscalation}/lift`, { note });
        expect(lifted.status).toBe(200);
      }
      lowEscalation = await created("/escalations", escalation);
    }, 180_000);

    const signalOf = (signals: Signal[], kind: string, ref: string) =>
      signals.find((s) => s.kind === kind && s.ref === ref);

    it("fires each kind of signal where it should over the forum's members, and not elsewhere", async () => {
      const { since, asOf, signals, k, disclosure } = await agenda(forumId, june);
      expect({ since, asOf, k, disclosure }).toEqual({
        since: "2026-05-06",
        asOf: "2026-06-10",
        k: 5,
        disclosure: "cellkey",
      });
      const stuck = signalOf(signals, "stuck_cases", "intern_samsjuklighet:1");
      expect(stuck?.figure).toMatchObject({ suppressed: false, unit: "cases" });
      // Twelve cases, give or take the cell-key noise; Nacka's two are not the forum's.
      expect(Math.abs(Number(stuck?.figure.value) - 12)).toBeLessThanOrEqual(2);
      expect(stuck?.title).toMatch(/^Fastnade ärenden i steg 1 /);

      expect(signalOf(signals, "open_escalation", liftedEscalation)?.figure).toMatchObject({
        level: 3,
      });
      expect(signalOf(signals, "open_escalation", lowEscalation)).toBeUndefined();

      expect(signalOf(signals, "review_due", agreementId)?.figure).toMatchObject({
        reviewBy: "2026-06-30",
        daysLeft: 20,
      });
      expect(signals.filter((s) => s.kind === "review_due")).toHaveLength(1);

      expect(signalOf(signals, "indicator_off_target", offTarget)?.figure).toMatchObject({
        target: 1000,
        suppressed: false,
      });
      expect(signalOf(signals, "indicator_off_target", onTarget)).toBeUndefined();

      expect(signalOf(signals, "deviation", newDeviation)?.link).toBe(
        `/overenskommelser/${agreementId}`,
      );
      expect(signalOf(signals, "deviation", oldDeviation)).toBeUndefined();

      expect(signalOf(signals, "overdue_action", overdue)?.figure).toMatchObject({
        daysOverdue: 10,
      });
      expect(signalOf(signals, "overdue_action", notDue)).toBeUndefined();
    });

    it("is quiet for a forum whose members had none of it", async () => {
      const { signals } = await agenda(quietForum, quietMeeting);
      // Nacka's two stuck cases are withheld, never told, but still a reason to look.
      expect(signals.map((s) => s.kind)).toEqual(["stuck_cases"]);
      expect(signals[0]?.figure).toMatchObject({ value: null, suppressed: true });
    });

    it("is the members' and theirs alone (404 outside), and each read is audited", async () => {
      expect((await agenda(forumId, june, ledning)).signals.length).toBeGreaterThan(0);
      const outside = await get(
        `/forums/${forumId}/meetings/${june}/suggested-agenda`,
        nackaLedning,
      );
      expect(outside.status).toBe(404);
      const wrongMeeting = await get(
        `/forums/${forumId}/meetings/${quietMeeting}/suggested-agenda`,
      );
      expect(wrongMeeting.status).toBe(404);

      const buffer = createAuditBuffer(database(), silentLogger(), { flushMs: 600_000 });
      const audited = testApp(database(), { auditBuffer: buffer });
      for (const path of [
        `/api/v1/forums/${forumId}/meetings/${june}/suggested-agenda`,
        `/api/v1/forums/${forumId}/actions/${overdue}/effect`,
      ]) {
        expect((await authed(audited, path, {}, ledning)).status).toBe(200);
      }
      await buffer.flush();
      const log = await get("/audit-log?action=metric.read", testScope("admin", [], "ada"));
      const rows = (
        (await log.json()) as {
          items: { actor: string; objectId: string; details: { published?: string[] } }[];
        }
      ).items;
      const agendaRead = rows.find(
        (r) => r.actor === "leif" && r.objectId.endsWith("/suggested-agenda"),
      );
      expect(agendaRead?.details.published).toContain("stuck");
      const effectRead = rows.find((r) => r.actor === "leif" && r.objectId.endsWith("/effect"));
      expect(effectRead?.details.published).toContain("caseCounts");
    });

    it("shows whether an action moved its figure: decided, done and now, by month", async () => {
      const done = await send("PATCH", `/forums/${forumId}/actions/${overdue}`, { status: "done" });
      expect(done.status).toBe(200);
      const res = await get(`/forums/${forumId}/actions/${overdue}/effect?asOf=2026-11-30`);
      expect(res.status).toBe(200);
      const effect = (await res.json()) as {
        name: string;
        target: unknown;
        decided: Reading;
        done: Reading | null;
        now: Reading;
        months: (Reading & { month: string })[];
      };
      expect(effect.name).toBe("Många");
      expect(effect.target).toEqual({ value: 1000, direction: "at_least" });
      expect(effect.decided.date).toBe("2026-05-06");
      expect(effect.now.date).toBe("2026-11-30");
      // Done today, which the asOf above has not reached: read as of asOf, never the future.
      expect(effect.done?.date).toBe("2026-11-30");
      expect(effect.months.map((m) => m.month)).toEqual(
        Array.from(
          { length: 12 },
          (_, i) => `${i === 0 ? "2025-12" : `2026-${String(i).padStart(2, "0")}`}`,
        ),
      );
      // The same figure GET /metrics gives the caller for the indicator's query, on each day.
      for (const reading of [effect.decided, effect.now]) {
        const metric = await get(
          `/metrics/cases?targetGroup=samsjuklighet&status=all&asOf=${reading.date}`,
        );
        const { total } = (await metric.json()) as { total: number | null };
        expect(reading.value).toBe(total);
        expect(reading.met).toBe(false);
      }
    });

    it("answers 404 for an action without a figure, and for one of another forum", async () => {
      const none = await get(`/forums/${forumId}/actions/${notDue}/effect`);
      expect(none.status).toBe(404);
      const elsewhere = await get(`/forums/${quietForum}/actions/${overdue}/effect`);
      expect(elsewhere.status).toBe(404);
    });
  },
);
